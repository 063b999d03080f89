import { describeConsumer } from "./consumer.js";

describeConsumer(24);

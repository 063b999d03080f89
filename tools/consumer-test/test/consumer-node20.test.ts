import { describeConsumer } from "./consumer.js";

describeConsumer(20);

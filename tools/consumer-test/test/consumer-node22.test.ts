import { describeConsumer } from "./consumer.js";

describeConsumer(22);

/**
 * Evaluation commands for the chatbot's understanding (intent accuracy, out-of-scope recall,
 * latency) on the public data sets. Tooling only.
 */
package com.quanyu.eval.chatbot;

/**
 * Text rules two functions share when they send messages (the chatbot's replies, the journeys'
 * messages). Plain Java: imports nothing of AWS or HTTP.
 */
package com.quanyu.shared.text;

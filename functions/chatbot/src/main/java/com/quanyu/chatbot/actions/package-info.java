/**
 * What the bot can do for a customer: orders, coupons, product suggestions and recording turns,
 * behind small ports the dialogue calls. No HTTP, no platform formats.
 */
package com.quanyu.chatbot.actions;

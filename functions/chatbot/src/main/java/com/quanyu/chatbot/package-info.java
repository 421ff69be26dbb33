/**
 * The chatbot function's Lambda handler and its wiring ({@code ChatbotApp}). Handlers only wire;
 * must not import another function's packages.
 */
package com.quanyu.chatbot;

/**
 * The brand's product catalogue as the bot uses it: uploaded by staff (CSV or JSON), kept as one S3
 * object, and used to name products in replies (names, prices, links instead of SKU codes) and to
 * find the item a customer means ("the mooncake order", "how much is the teapot").
 */
package com.quanyu.chatbot.catalogue;

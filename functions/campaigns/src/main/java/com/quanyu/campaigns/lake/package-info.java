/**
 * Reading the lake's campaign-relevant lines (completed orders, POS files) into domain records. No
 * AWS types: objects arrive as bytes from the handlers.
 */
package com.quanyu.campaigns.lake;

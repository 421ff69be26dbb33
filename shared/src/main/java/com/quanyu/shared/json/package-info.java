/**
 * The one Jackson mapper configuration.
 */
package com.quanyu.shared.json;

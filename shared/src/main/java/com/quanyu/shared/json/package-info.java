/**
 * The one Jackson mapper configuration, and the mapper-free reading and writing of plain JSON.
 */
package com.quanyu.shared.json;

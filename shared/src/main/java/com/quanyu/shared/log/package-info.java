/**
 * Structured JSON logging, one object per line.
 */
package com.quanyu.shared.log;

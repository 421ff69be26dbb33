/**
 * Order-risk training from orders and fraud labels.
 */
package com.quanyu.train.risk;

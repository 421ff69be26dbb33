/**
 * Order risk: features, rules and the rules-plus-model scorer shared by score and train.
 */
package com.quanyu.shared.risk;

/**
 * S3 adapter of the score API: the stock list ({@code catalogue/stock.json}) recommendations leave
 * out-of-stock products by. Owns nothing else; must not be imported by the domain classes.
 */
package com.quanyu.score.store;

/**
 * Recommender training (item kNN, bought-together) and its evaluation.
 */
package com.quanyu.train.recommend;

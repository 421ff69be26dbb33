package com.quanyu.shared.ml.recommend;

/** A recommended item with its score (comparable only within one list). */
public record ScoredItem(String sku, double score) {}

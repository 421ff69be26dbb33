package com.quanyu.analytics.lake;

import java.util.List;

/** Every event row of the lake (an S3 reader in Lambda, a list in unit tests). */
@FunctionalInterface
public interface LakeRowSource {
    List<LakeRow> rows();
}

/**
 * The data lake's key layout ({@link com.quanyu.shared.lake.LakeLayout}): the one owner of where raw
 * events, compacted Parquet, the compaction state and erasure requests live. No AWS types here.
 */
package com.quanyu.shared.lake;

/**
 * The lake function's handler: wires the daily compaction from the environment and does nothing else.
 */
package com.quanyu.lake;

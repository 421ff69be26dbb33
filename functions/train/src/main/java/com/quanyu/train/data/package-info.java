/**
 * The training job's view of the lake: accepted events read through the shared lake reader and
 * folded into per-person histories. Owns no storage layout (the lake format is shared.lake's); must
 * not write to the lake or the stores.
 */
package com.quanyu.train.data;

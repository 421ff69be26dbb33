/**
 * The one CSV reader of every file import (Apache Commons CSV, RFC 4180, header row). Owns no file
 * layout: each import names its columns. Must not import AWS or HTTP types.
 */
package com.quanyu.shared.csv;

/** Tooling: the abandoned-cart journey simulation. Not deployed. */
package com.quanyu.eval.journeys;

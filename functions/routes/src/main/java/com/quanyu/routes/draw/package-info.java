/**
 * SVG drawings of solutions.
 */
package com.quanyu.routes.draw;

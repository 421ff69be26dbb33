/**
 * Readers of the benchmark formats (TSPLIB CVRP, Solomon VRPTW).
 */
package com.quanyu.routes.io;

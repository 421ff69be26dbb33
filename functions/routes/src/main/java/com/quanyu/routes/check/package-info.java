/**
 * Independent feasibility checks of solutions (capacity, time windows, route length).
 */
package com.quanyu.routes.check;

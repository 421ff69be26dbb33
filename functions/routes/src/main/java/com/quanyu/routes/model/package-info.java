/**
 * The vehicle-routing problem and solution value types. Pure data.
 */
package com.quanyu.routes.model;

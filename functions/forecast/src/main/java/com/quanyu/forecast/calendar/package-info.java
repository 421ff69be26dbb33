/**
 * The demand calendar (holidays, promotions such as Double 11 and 618) as data the models read.
 */
package com.quanyu.forecast.calendar;

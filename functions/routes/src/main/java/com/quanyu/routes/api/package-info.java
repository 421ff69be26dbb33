/**
 * The routes API's request parsing and validation into problems, and the response format.
 */
package com.quanyu.routes.api;

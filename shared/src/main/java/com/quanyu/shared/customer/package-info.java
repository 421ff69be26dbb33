/**
 * The customer domain: events, parsing, identity stitching, the profile fold and orders, behind
 * storage ports. Owner of the profile model. Domain code: no AWS types, no HTTP.
 */
package com.quanyu.shared.customer;

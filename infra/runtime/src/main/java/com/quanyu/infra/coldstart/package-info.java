/**
 * The cold-start benchmark of the functions against a bare GetItem floor. Tooling only.
 */
package com.quanyu.infra.coldstart;

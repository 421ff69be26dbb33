/**
 * Immutable configuration from environment variables ({@code Env}).
 */
package com.quanyu.shared.config;

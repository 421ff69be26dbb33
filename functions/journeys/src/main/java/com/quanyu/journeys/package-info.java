/**
 * Journeys: the three Lambda handlers (API, one-minute sweep, EventBridge events) and their wiring
 * ({@code JourneysApp}). Handlers only wire; they make no storage or platform calls themselves.
 */
package com.quanyu.journeys;

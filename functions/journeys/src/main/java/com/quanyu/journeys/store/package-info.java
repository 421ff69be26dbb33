/** Storage and other modules' data behind the engine's ports: DynamoDB, profiles, the lake. */
package com.quanyu.journeys.store;

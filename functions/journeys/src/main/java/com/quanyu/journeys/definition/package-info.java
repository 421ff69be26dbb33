/** Journey definitions: the JSON format, its validation and the parsed model. No AWS types, no HTTP. */
package com.quanyu.journeys.definition;

/**
 * Scenario files: the documented key table ({@link org.fedwan.scenarios.ScenarioKeys}) and the
 * loader that turns a flat YAML file into a validated {@code RunConfig}, reporting every bad key
 * or value on one line that names the file, the line, the key, the value and what is allowed.
 */
package org.fedwan.scenarios;

/** The validated configuration of one federated run. */
package org.fedwan.sim.config;

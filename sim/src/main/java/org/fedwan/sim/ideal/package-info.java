/** The ideal link: messages arrive whole, at once, for free (the network as FL frameworks see it). */
package org.fedwan.sim.ideal;

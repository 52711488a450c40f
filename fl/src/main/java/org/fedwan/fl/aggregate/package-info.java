/** Server aggregation rules as pure functions over layer arrays (Flower's style: maths apart from transport). */
package org.fedwan.fl.aggregate;

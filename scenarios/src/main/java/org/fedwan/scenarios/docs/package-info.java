/** The reference documentation generated from the code ({@code ./fedwan docs}). */
package org.fedwan.scenarios.docs;

package org.fedwan.sim.link;

import org.fedwan.results.LossCause;

/**
 * What a client link tells the sender of a message, once: the message arrived whole (with the
 * bytes the server holds), or it is lost and why. An aborted message calls neither.
 */
public interface Upload {

    /** The server holds the whole message; {@code received} are the bytes as they arrived. */
    void delivered(byte[] received);

    /** The message cannot arrive any more (a fragment was lost, the battery emptied, ...). */
    void lost(LossCause cause);
}

package org.fedwan.sim.ideal;

import java.util.Arrays;
import java.util.List;
import org.fedwan.results.FrameOutcome;
import org.fedwan.sim.config.Scenario;
import org.fedwan.sim.kernel.Simulation;
import org.fedwan.sim.link.ClientLink;
import org.fedwan.sim.link.DeviceStatus;
import org.fedwan.sim.link.LinkEvents;
import org.fedwan.sim.link.LinkGroup;
import org.fedwan.sim.link.Upload;

/**
 * The network as federated-learning frameworks see it: every message arrives whole, at once, and
 * costs no energy. One "frame" per message is reported (bytes = the message), so byte counts
 * still add up. The baseline against which a radio's cost is measured, and the link for runs that
 * study learning only.
 */
public final class IdealLinks implements LinkGroup {

    /** The protocol's name in scenarios and tables. */
    public static final String PROTOCOL = "ideal";

    private final Simulation simulation;
    private final int firstClient;
    private final LinkEvents events;
    private final Link[] links;

    public IdealLinks(Simulation simulation, Scenario scenario, int firstClient, int count, LinkEvents events) {
        this.simulation = simulation;
        this.firstClient = firstClient;
        this.events = events;
        this.links = new Link[count];
        for (int i = 0; i < count; i++) {
            links[i] = new Link(firstClient + i);
        }
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public int firstClient() {
        return firstClient;
    }

    @Override
    public int size() {
        return links.length;
    }

    @Override
    public ClientLink link(int client) {
        return links[client - firstClient];
    }

    @Override
    public void broadcast(byte[] message, int tag, Runnable onDone) {
        long now = simulation.nowUs();
        events.broadcastSent(message.length);
        for (Link l : links) {
            events.downlinkFrame(l.client, 0, now, now, message.length, message.length, 0);
        }
        simulation.scheduler().schedule(now, 0, onDone);
    }

    /** No device model: the ideal link spends nothing (training energy is the controller's). */
    @Override
    public void reportEnergy(long nowUs) {
        // nothing to report: no radio, no MCU model
    }

    @Override
    public List<DeviceStatus> finish(long nowUs) {
        return Arrays.stream(links).map(l -> new DeviceStatus(l.client, -1, 0, 0, 0, 0, -1, PROTOCOL)).toList();
    }

    /** One client's link: the message is delivered by an event at the same instant. */
    private final class Link implements ClientLink {
        private final int client;
        private Upload upload;

        Link(int client) {
            this.client = client;
        }

        @Override
        public void send(byte[] message, int tag, Upload u) {
            if (upload != null) {
                throw new IllegalStateException("dev-" + client + " is still sending its previous message");
            }
            upload = u;
            long now = simulation.nowUs();
            simulation.scheduler().schedule(now, 0, () -> {
                Upload pending = upload;
                upload = null;
                if (pending != null) {
                    events.uplinkFrame(client, 0, now, now, message.length, message.length, 0, FrameOutcome.DELIVERED);
                    pending.delivered(message);
                }
            });
        }

        @Override
        public void abort() {
            upload = null;
        }

        @Override
        public boolean isSending() {
            return upload != null;
        }

        @Override
        public void chargeTraining(long nowUs, double energyJ) {
            // no battery: nothing to drain
        }

        @Override
        public long waitingTimeUs() {
            return 0;
        }

        @Override
        public boolean batteryEmpty(long nowUs) {
            return false;
        }
    }
}

package dev.banyan.proxy.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.banyan.proxy.config.InvalidRoutesFileException;
import dev.banyan.proxy.config.RoutesConfig;
import dev.banyan.proxy.config.RoutesFileParser;
import dev.banyan.proxy.config.Stage;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Changes a route's stage and percent (or an event route's stage) in the routes file itself, so the file stays the source of truth and the
 * change survives a restart. Only the two values are rewritten in place: comments, order and layout stay. The new
 * text is validated in full, written to a temporary file beside the original and moved over it atomically (through a
 * symbolic link, onto the file it points to, keeping that file's permissions).
 */
public class RoutesFileEditor {

    /**
     * The file on disk holds a change that was rejected or is not applied yet; editing on top of it would hide or lose
     * that change.
     */
    public static class PendingChangeException extends RuntimeException {
        PendingChangeException(String message) {
            super(message);
        }
    }

    /** No route (or event route) with that id. */
    public static class UnknownRouteException extends RuntimeException {
        UnknownRouteException(String kind, String id) {
            super("no " + kind + " with id '" + id + "'");
        }
    }

    private record Edit(int start, int end, String text) {}

    private static final Logger log = LoggerFactory.getLogger(RoutesFileEditor.class);

    private final RoutesManager routes;

    public RoutesFileEditor(RoutesManager routes) {
        this.routes = routes;
    }

    /**
     * Sets the stage and/or percent of a route.
     * @param stage   new stage, or {@code null} to keep it
     * @param percent new percent, or {@code null} to keep it
     * @return the configuration now in force
     * @throws InvalidRoutesFileException when the result would be invalid (nothing is written)
     */
    public RoutesConfig update(String id, Stage stage, BigDecimal percent) {
        return rewrite(text -> edit(text, id, stage, percent));
    }

    /**
     * Sets the stage of an event route.
     * @return the configuration now in force
     * @throws InvalidRoutesFileException when the result would be invalid (nothing is written)
     */
    public RoutesConfig updateEventRoute(String id, Stage stage) {
        return rewrite(text -> editEventRoute(text, id, stage));
    }

    static String editEventRoute(String text, String id, Stage stage) {
        MappingNode route = find(RoutesFileParser.compose(text), "event-routes", "event route", id);
        NodeTuple stageTuple = tuple(route, "stage");
        if (stageTuple == null) {
            throw new IllegalStateException("event route " + id + " has no stage");
        }
        Edit edit = replace(text, stageTuple.getValueNode(), stage.name());
        return new StringBuilder(text)
                .replace(edit.start(), edit.end(), edit.text())
                .toString();
    }

    private RoutesConfig rewrite(UnaryOperator<String> change) {
        synchronized (routes) {
            routes.reloadIfChanged();
            if (routes.lastError() != null) {
                throw new PendingChangeException("the routes file on disk has a rejected change ("
                        + routes.lastError().problems().get(0) + "); fix the file first");
            }
            if (routes.changePending()) {
                throw new PendingChangeException("the routes file on disk has a change that is not applied yet "
                        + "(it may still be being written); try again in a second");
            }
            String edited = change.apply(routes.appliedText());
            RoutesConfig config = RoutesFileParser.parse(routes.file(), edited);
            write(routes.file(), edited);
            routes.applyWritten(config, edited);
            return config;
        }
    }

    static String edit(String text, String id, Stage stage, BigDecimal percent) {
        MappingNode route = find(RoutesFileParser.compose(text), "routes", "route", id);
        NodeTuple stageTuple = tuple(route, "stage");
        NodeTuple percentTuple = tuple(route, "percent");
        List<Edit> edits = new ArrayList<>();
        if (stage != null && stageTuple != null) {
            edits.add(replace(text, stageTuple.getValueNode(), stage.name()));
        }
        if (percent != null) {
            String value = percent.stripTrailingZeros().scale() <= 0
                    ? percent.toBigInteger().toString()
                    : percent.stripTrailingZeros().toPlainString();
            if (percentTuple != null) {
                edits.add(replace(text, percentTuple.getValueNode(), value));
            } else {
                Node anchor = stageTuple != null
                        ? stageTuple.getValueNode()
                        : route.getValue().get(0).getValueNode();
                Node anchorKey = stageTuple != null
                        ? stageTuple.getKeyNode()
                        : route.getValue().get(0).getKeyNode();
                int at = offset(text, anchor.getEndMark().getIndex());
                String insertion = route.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                        ? ", percent: " + value
                        : "\n" + " ".repeat(anchorKey.getStartMark().getColumn()) + "percent: " + value;
                edits.add(new Edit(at, at, insertion));
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Edit e : edits) {
            out.replace(e.start(), e.end(), e.text());
        }
        return out.toString();
    }

    private static Edit replace(String text, Node value, String replacement) {
        return new Edit(
                offset(text, value.getStartMark().getIndex()),
                offset(text, value.getEndMark().getIndex()),
                replacement);
    }

    /** SnakeYAML marks count code points; Java strings count UTF-16 units. */
    private static int offset(String text, int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }

    private static MappingNode find(Node root, String list, String kind, String id) {
        if (root instanceof MappingNode top) {
            NodeTuple routesTuple = tuple(top, list);
            if (routesTuple != null && routesTuple.getValueNode() instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (item instanceof MappingNode route) {
                        NodeTuple idTuple = tuple(route, "id");
                        if (idTuple != null
                                && idTuple.getValueNode() instanceof ScalarNode s
                                && s.getValue().trim().equals(id)) {
                            return route;
                        }
                    }
                }
            }
        }
        throw new UnknownRouteException(kind, id);
    }

    private static @Nullable NodeTuple tuple(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Replaces the file's content atomically. A symbolic link stays a link: the file it points to is replaced, by a
     * temporary file in that file's own directory (a rename only is atomic within one file system). The new file
     * gets the old one's permissions, and its owner and group where the proxy may set them.
     */
    private static void write(Path file, String text) {
        try {
            Path target = file.toRealPath();
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                keepAttributes(target, temp);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the routes file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void keepAttributes(Path original, Path replacement) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: the temporary file keeps the platform's defaults
        }
        PosixFileAttributes attributes = view.readAttributes();
        Files.setPosixFilePermissions(replacement, attributes.permissions());
        PosixFileAttributeView replacementView = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
        try {
            replacementView.setGroup(attributes.group());
            replacementView.setOwner(attributes.owner());
        } catch (IOException e) {
            // Only a privileged process may give a file away; the content and permissions are what matter.
            log.warn(
                    "The rewritten routes file {} keeps its permissions but not its owner {} and group {}: {}",
                    original,
                    attributes.owner().getName(),
                    attributes.group().getName(),
                    e.toString());
        }
    }
}

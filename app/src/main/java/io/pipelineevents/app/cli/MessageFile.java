package io.pipelineevents.app.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file to publish as one SQS message, checked against what SQS accepts before anything is sent. */
final class MessageFile {
    /** SQS's limit on a message body. */
    static final int MAX_BYTES = 256 * 1024;

    private MessageFile() {
    }

    static String read(Path file) throws UnsendableFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnsendableFileException("no such file");
        } catch (IOException e) {
            throw new UnsendableFileException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new UnsendableFileException("the file is empty, and SQS does not take an empty message");
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnsendableFileException("the file has " + bytes.length + " bytes; SQS takes at most " + MAX_BYTES);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnsendableFileException("the file is not UTF-8 text, which an SQS message must be");
        }
    }

    static final class UnsendableFileException extends Exception {
        UnsendableFileException(String reason) {
            super(reason);
        }
    }
}

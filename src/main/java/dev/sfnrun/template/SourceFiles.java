package dev.sfnrun.template;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads templates and definition files (size checked first); every problem is one line naming the file. */
final class SourceFiles {
    /** Far above CloudFormation's 1 MB template and Step Functions' 1 MB definition. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private SourceFiles() {
    }

    static String read(String name) {
        try {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new TemplateException(name + ": is a directory, not a file");
            }
            try {
                dev.sfnrun.io.BoundedFiles.regularFile(path, name); // a named pipe or device: never a blocked read
            } catch (dev.sfnrun.io.BoundedFiles.FileProblem e) {
                throw new TemplateException(e.getMessage());
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new TemplateException(name + ": " + size + " bytes; sfn-run reads files up to " + MAX_BYTES);
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new TemplateException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new TemplateException(name + ": permission denied");
        } catch (InvalidPathException e) {
            throw new TemplateException(name + ": not a valid file name");
        } catch (CharacterCodingException e) {
            throw new TemplateException(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new TemplateException(name + ": cannot read: " + e.getMessage());
        }
    }
}

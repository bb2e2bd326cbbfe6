;;; lint.el --- Byte-compile and checkdoc the companion, failing on any warning  -*- lexical-binding: t -*-

;;; Commentary:

;; scripts/emacs-batch -l tests/elisp/lint.el -f gptel-diagnose-lint MAIN-FILE FILE...
;;
;; Byte-compiles each file alone in a fresh Emacs (warnings are errors),
;; runs checkdoc and package-lint.

;;; Code:

(require 'bytecomp)
(require 'checkdoc)
(require 'cl-lib)
(require 'package-lint)
(require 'subr-x)

(defun gptel-diagnose-lint--compile (file)
  "Byte-compile FILE alone, in a fresh Emacs; return non-nil if clean.
A fresh Emacs loads nothing of the package but what FILE requires,
so a function FILE uses without requiring its file is a warning."
  (let* ((dir (make-temp-file "gptel-diagnose-elc" t))
         (form `(progn
                  (setq load-path ',load-path
                        load-prefer-newer t
                        byte-compile-error-on-warn t
                        byte-compile-dest-file-function
                        (lambda (source)
                          (expand-file-name (concat (file-name-base source) ".elc") ,dir)))
                  (kill-emacs (if (byte-compile-file ,(expand-file-name file)) 0 1)))))
    (unwind-protect
        (with-temp-buffer
          (let ((status (call-process (expand-file-name invocation-name invocation-directory)
                                      nil t nil "-Q" "--batch" "--eval" (prin1-to-string form))))
            (unless (zerop status) (message "%s" (string-trim (buffer-string))))
            (zerop status)))
      (delete-directory dir t))))

(defun gptel-diagnose-lint--checkdoc (file)
  "Run checkdoc on FILE; return the list of its complaints."
  (let ((checkdoc-diagnostic-buffer "*gptel-diagnose checkdoc*")
        (checkdoc-spellcheck-documentation-flag nil))
    (when (get-buffer checkdoc-diagnostic-buffer)
      (kill-buffer checkdoc-diagnostic-buffer))
    (with-current-buffer (find-file-noselect file)
      (checkdoc-current-buffer t))
    (if (not (get-buffer checkdoc-diagnostic-buffer)) nil
      (with-current-buffer checkdoc-diagnostic-buffer
        (cl-loop for line in (split-string (buffer-string) "\n" t)
                 when (string-match-p "^[^ ]+\\.el:[0-9]+" line) collect line)))))

(defun gptel-diagnose-lint--package-lint (file main)
  "Run package-lint on FILE, whose package's main file is MAIN; return complaints.
Dependencies cannot be checked offline (no archive contents), so
\"is not installable\" is not a complaint here."
  (let ((package-lint-main-file (unless (equal file main) main)))
    (with-current-buffer (find-file-noselect file)
      (cl-loop for (line col type message) in (package-lint-buffer)
               unless (string-match-p "is not installable" message)
               collect (format "%s:%s:%s: %s %s" (file-name-nondirectory file)
                               line col type message)))))

(defun gptel-diagnose-lint ()
  "Lint each file named on the command line; exit non-zero on any complaint.
The first file is the package's main file."
  (let ((failed nil)
        (files command-line-args-left))
    (dolist (file files)
      (unless (gptel-diagnose-lint--compile file)
        (push file failed)
        (message "FAIL byte-compile: %s" file))
      (let ((complaints (gptel-diagnose-lint--checkdoc file)))
        (when complaints
          (push file failed)
          (dolist (c complaints) (message "FAIL checkdoc: %s" c))))
      (let ((complaints (gptel-diagnose-lint--package-lint
                         (expand-file-name file) (expand-file-name (car files)))))
        (when complaints
          (push file failed)
          (dolist (c complaints) (message "FAIL package-lint: %s" c)))))
    (setq command-line-args-left nil)
    (message "lint: %d file(s), %s" (length files)
             (if failed "FAILED" "clean"))
    (kill-emacs (if failed 1 0))))

;;; lint.el ends here

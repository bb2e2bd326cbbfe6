;;; lint.el --- Byte-compile and checkdoc the companion, failing on any warning  -*- lexical-binding: t -*-

;;; Commentary:

;; scripts/emacs-batch -l tests/elisp/lint.el -f gptel-diagnose-lint FILE...

;;; Code:

(require 'bytecomp)
(require 'checkdoc)

(defun gptel-diagnose-lint--compile (file)
  "Byte-compile FILE into a temporary directory; return non-nil if clean."
  (let* ((dir (make-temp-file "gptel-diagnose-elc" t))
         (byte-compile-dest-file-function
          (lambda (source) (expand-file-name (concat (file-name-base source) ".elc") dir)))
         (byte-compile-error-on-warn t))
    (unwind-protect (byte-compile-file file)
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

(defun gptel-diagnose-lint ()
  "Compile and checkdoc each file named on the command line; exit non-zero on a warning."
  (let ((failed nil)
        (files command-line-args-left))
    (dolist (file files)
      (unless (gptel-diagnose-lint--compile file)
        (push file failed)
        (message "FAIL byte-compile: %s" file))
      (let ((complaints (gptel-diagnose-lint--checkdoc file)))
        (when complaints
          (push file failed)
          (dolist (c complaints) (message "FAIL checkdoc: %s" c)))))
    (setq command-line-args-left nil)
    (message "lint: %d file(s), %s" (length files)
             (if failed "FAILED" "clean"))
    (kill-emacs (if failed 1 0))))

;;; lint.el ends here

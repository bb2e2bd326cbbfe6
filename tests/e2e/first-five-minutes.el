;;; first-five-minutes.el --- A new user's first failures, before and after the install  -*- lexical-binding: t -*-

;;; Commentary:

;; Run by tests/e2e/test_first_five_minutes.py in batch Emacs, with a
;; fresh HOME and only an Elisp-only copy of the package on the
;; load path (no checkout around it, no server on PATH):
;;
;;   emacs -Q --batch -L COPY -L GPTEL... -l first-five-minutes.el \
;;         -f gptel-diagnose-first-main
;;
;; With `gptel-diagnose-mode' on, a request to the fake provider
;; ($E2E_HOST) fails; then M-x gptel-diagnose-install-server runs with
;; `gptel-diagnose-install-extra-args' offering $E2E_DIST's wheel
;; through --find-links; then the same request fails again.  Prints
;; one line "FIRST-RESULT <json>": what the echo area showed at each
;; step, and the install buffer.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'gptel)
(require 'gptel-openai)
(require 'gptel-diagnose)

(load (expand-file-name "echo-recorder" (file-name-directory
                                          (or load-file-name buffer-file-name)))
      nil t)

(defun gptel-diagnose-first--wait-for (before regexp seconds)
  "Wait up to SECONDS for a message matching REGEXP.
Return the messages shown since there were BEFORE of them."
  (let ((deadline (+ (float-time) seconds))
        (found nil))
    (while (and (not found) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (setq found (cl-some (lambda (text) (string-match-p regexp text))
                           (butlast gptel-diagnose-echo-messages before))))
    (unless found (error "No message matching %S within %s s" regexp seconds))
    (reverse (butlast gptel-diagnose-echo-messages before))))

(defun gptel-diagnose-first--fail-once ()
  "Make a request that fails; return the messages up to the diagnosis line."
  (let ((before (length gptel-diagnose-echo-messages)))
    (with-temp-buffer
      (gptel-request "Say hello." :callback #'ignore)
      (gptel-diagnose-first--wait-for before "\\`gptel-diagnose: [^i]" 120))))

(defun gptel-diagnose-first-main ()
  "Fail, install, fail again; print what the user saw."
  (advice-add 'message :around #'gptel-diagnose-echo-record)
  (setq gptel-backend (gptel-make-openai "Fake" :host (getenv "E2E_HOST")
                                         :protocol "http" :key "sk-e2e-first-five-minutes-0000"
                                         :endpoint "/quota/v1/chat/completions"
                                         :models '(gpt-4o-mini))
        gptel-model 'gpt-4o-mini
        gptel-stream nil)
  (gptel-diagnose-mode 1)
  (let* ((before (gptel-diagnose-first--fail-once))
         (install (let ((before (length gptel-diagnose-echo-messages)))
                    (setq gptel-diagnose-install-extra-args
                          (list "--find-links" (getenv "E2E_DIST")))
                    (call-interactively #'gptel-diagnose-install-server)
                    (gptel-diagnose-first--wait-for
                     before "installed in\\|installing the server failed" 600)))
         (after (gptel-diagnose-first--fail-once)))
    (princ (format "FIRST-RESULT %s\n"
                   (json-encode
                    (list :before (vconcat before)
                          :install (vconcat install)
                          :after (vconcat after)
                          :install_buffer (with-current-buffer "*gptel-diagnose install*"
                                            (buffer-substring-no-properties
                                             (point-min) (point-max)))
                          :venv (expand-file-name "gptel-diagnose/venv"
                                                  user-emacs-directory)))))))

(provide 'first-five-minutes)
;;; first-five-minutes.el ends here

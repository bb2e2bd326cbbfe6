;;; echo-recorder.el --- What a batch Emacs showed in its echo area  -*- lexical-binding: t -*-

;;; Commentary:

;; Loaded by the end-to-end scripts that install the package as a new
;; user would (first-five-minutes.el, install-as-a-package.el):
;; `gptel-diagnose-echo-record' as :around advice on `message' keeps
;; each text shown in the echo area, not the ones only logged.

;;; Code:

(defvar gptel-diagnose-echo-messages nil
  "Messages shown in the echo area, newest first.")

(defun gptel-diagnose-echo-record (orig &rest args)
  "Call ORIG with ARGS, recording the text it shows."
  (let ((text (apply orig args)))
    (when (and (stringp text) (not inhibit-message))
      (push text gptel-diagnose-echo-messages))
    text))

(provide 'echo-recorder)
;;; echo-recorder.el ends here

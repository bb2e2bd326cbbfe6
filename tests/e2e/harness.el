;;; harness.el --- Drive real gptel with gptel-diagnose-mode on  -*- lexical-binding: t -*-

;;; Commentary:

;; Run by tests/e2e (and the demo) in batch Emacs:
;;
;;   scripts/emacs-batch -l tests/e2e/harness.el -f gptel-diagnose-e2e-main SPEC.json
;;
;; SPEC.json holds a list of runs.  Each names a backend (type, host,
;; protocol, endpoint, model, stream, curl args), a transport
;; (`gptel-use-curl') and an entry point (send, request, request-nocb,
;; rewrite).  For each run the harness makes the request with real
;; gptel, waits until the failure has been explained, and prints one
;; line "E2E-RESULT <json>" on stdout: every message shown in the echo
;; area after the request (in order), the diagnosis, and what the
;; callback received.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'gptel)
(require 'gptel-openai)
(require 'gptel-anthropic)
(require 'gptel-gemini)
(require 'gptel-ollama)
(require 'gptel-openai-extras)
(require 'gptel-diagnose)

;; The one tool a scenario with tools offers: the model may call it; nothing here runs it.
(defvar gptel-diagnose-e2e--tool
  (gptel-make-tool :name "current_time" :function (lambda () "12:00")
                   :description "The current time." :args nil :category "e2e")
  "A tool for the requests of scenarios that send tools.")

(defvar gptel-diagnose-e2e--messages nil
  "Messages shown in the echo area, newest first.")

(defvar gptel-diagnose-e2e--checkups nil
  "Checkup buffers' text, newest first.")

(defun gptel-diagnose-e2e--record-message (orig &rest args)
  "Call ORIG with ARGS, recording the text it shows."
  (let ((text (apply orig args)))
    (when (and (stringp text) (not inhibit-message))
      (push text gptel-diagnose-e2e--messages))
    text))

(defun gptel-diagnose-e2e--backend (spec)
  "A gptel backend built from SPEC, a plist from the run's JSON."
  (let* ((type (plist-get spec :type))
         (name (or (plist-get spec :name) (format "E2E-%s" type)))
         (common (list :host (plist-get spec :host)
                       :protocol (or (plist-get spec :protocol) "http")
                       :stream (eq (plist-get spec :stream) t)
                       :models (mapcar #'intern (or (append (plist-get spec :models) nil)
                                                    (list (plist-get spec :model))))))
         (key (plist-get spec :key))
         (endpoint (plist-get spec :endpoint))
         (curl-args (append (plist-get spec :curl_args) nil)))
    (when curl-args (setq common (append common (list :curl-args curl-args))))
    (pcase type
      ("openai" (apply #'gptel-make-openai name :key key :endpoint endpoint common))
      ("anthropic" (apply #'gptel-make-anthropic name :key key :endpoint endpoint common))
      ("azure" (apply #'gptel-make-azure name :key key :endpoint endpoint common))
      ("gemini" (apply #'gptel-make-gemini name :key key :endpoint endpoint common))
      ("ollama" (apply #'gptel-make-ollama name :endpoint endpoint common))
      ("deepseek" (apply #'gptel-make-deepseek name :key key :endpoint endpoint common))
      (_ (error "Unknown backend type %s" type)))))

(defun gptel-diagnose-e2e--line-since (mark)
  "The newest gptel-diagnose line among the messages after the first MARK ones."
  (cl-loop for text in (butlast gptel-diagnose-e2e--messages mark)
           when (string-match-p "\\`gptel-diagnose[:：]" text) return text))

(defun gptel-diagnose-e2e--start (run buffer callback-log)
  "Start RUN's request from BUFFER, logging callback calls into CALLBACK-LOG."
  (with-current-buffer buffer
    (pcase (plist-get run :entry)
      ((or "send" "fix-resend-undo" "fix-from-details" "ask-from-details"
           "cacert-from-details" "keys-from-details")
       (gptel-mode 1)
       (goto-char (point-max))
       (gptel-send))
      ("request"
       (gptel-request "Say hello."
         :callback (lambda (response _info)
                     (push (format "%S" response) (car callback-log)))))
      ("request-nocb"
       (goto-char (point-max))
       (gptel-request "Say hello."))
      ("checkup"
       (gptel-diagnose-checkup
        (lambda (result params)
          (push (gptel-diagnose-format-checkup result params)
                gptel-diagnose-e2e--checkups))))
      ("rewrite"
       (require 'gptel-rewrite)
       (transient-mark-mode 1)
       (goto-char (point-min))
       (set-mark (point))
       (goto-char (point-max))
       (activate-mark)
       (gptel--suffix-rewrite "Make it formal."))
      (entry (error "Unknown entry point %s" entry)))))

(defun gptel-diagnose-e2e--fix-resend-undo (failure buffer)
  "Apply FAILURE's first fix, resend, wait for the answer in BUFFER, undo the fix.
Return what happened at each step, as a plist."
  (let* ((fix (aref (plist-get (gptel-diagnose--failure-diagnosis failure) :fixes) 0))
         (prompts nil)
         (mark (length gptel-diagnose-e2e--messages))
         (deadline (+ (float-time) 15))
         (finished nil)
         (on-finish (lambda (&rest _) (setq finished t)))
         applied-value answer undone-value)
    ;; gptel runs this hook once the answer is in and the next prompt opened.
    (add-hook 'gptel-post-response-functions on-finish)
    (cl-letf (((symbol-function 'y-or-n-p)
               (lambda (prompt) (push prompt prompts) nil)))
      ;; A safe fix asks nothing (saving is off by default); resending is the
      ;; user's next key, as the message after applying says.
      (gptel-diagnose-apply-fix fix failure)
      (gptel-diagnose-retry failure))
    (setq applied-value gptel-stream)
    (while (and (< (float-time) deadline) (not finished))
      (accept-process-output nil 0.05))
    (remove-hook 'gptel-post-response-functions on-finish)
    (setq answer (with-current-buffer buffer (buffer-substring-no-properties
                                              (point-min) (point-max))))
    (gptel-diagnose-undo-fix)
    (setq undone-value gptel-stream)
    (list :fix fix :prompts (vconcat (reverse prompts))
          :stream_after_fix (if applied-value t :json-false)
          :buffer_after_resend answer
          :stream_after_undo (if undone-value t :json-false)
          :messages (vconcat (reverse (butlast gptel-diagnose-e2e--messages mark))))))

(defun gptel-diagnose-e2e--push-button (buffer label-regexp)
  "Push the first button in BUFFER whose label matches LABEL-REGEXP.
Return its label, or nil when there is none."
  (with-current-buffer buffer
    (let ((button (save-excursion
                    (goto-char (point-min))
                    (cl-loop for b = (next-button (point)) then (next-button (button-end b))
                             while b
                             when (string-match-p label-regexp (button-label b)) return b))))
      (when button
        (goto-char (button-start button))
        (push-button (button-start button))
        (button-label button)))))

(defun gptel-diagnose-e2e--answer-after-resend (buffer)
  "Wait, at most 15 s, for the fake provider's answer in BUFFER; return BUFFER's text."
  (let ((deadline (+ (float-time) 15)))
    (while (and (< (float-time) deadline)
                (not (with-current-buffer buffer
                       (string-match-p "Hello from the fake provider" (buffer-string)))))
      (accept-process-output nil 0.05)))
  (with-current-buffer buffer
    (buffer-substring-no-properties (point-min) (point-max))))

(defun gptel-diagnose-e2e--fix-from-details (failure buffer variable
                                                    &optional label choice file)
  "Open FAILURE's details, push the fix setting VARIABLE, resend; wait for BUFFER's answer.
The fix's button is the first whose label matches LABEL (default:
VARIABLE's name).  Say yes to every question but saving, CHOICE
to a `completing-read' and FILE to a `read-file-name'.  Resend with
the details buffer's own button when applying the fix did not
offer to."
  (let* ((prompts nil)
         (offered nil)
         (mark (length gptel-diagnose-e2e--messages))
         details fix-label resend-label value)
    (ignore failure)
    (cl-letf (((symbol-function 'y-or-n-p)
               (lambda (prompt) (push prompt prompts) (not (string-match-p "Save" prompt))))
              ((symbol-function 'yes-or-no-p)
               (lambda (prompt) (push prompt prompts) (not (string-match-p "Save" prompt))))
              ((symbol-function 'completing-read)
               (lambda (prompt collection &rest _)
                 (push prompt prompts)
                 (setq offered (all-completions "" collection))
                 (or choice (error "Unexpected question: %s" prompt))))
              ((symbol-function 'read-file-name)
               (lambda (prompt &rest _)
                 (push prompt prompts)
                 (or file (error "Unexpected question: %s" prompt)))))
      (with-current-buffer buffer (call-interactively #'gptel-diagnose))
      (setq details (seq-find (lambda (b)
                                (with-current-buffer b
                                  (derived-mode-p 'gptel-diagnose-details-mode)))
                              (buffer-list)))
      (setq fix-label (gptel-diagnose-e2e--push-button details
                                                       (or label (regexp-quote variable))))
      (setq value (with-current-buffer buffer (symbol-value (intern variable))))
      (unless (seq-find (lambda (p) (string-match-p "Resend" p)) prompts)
        (setq resend-label (gptel-diagnose-e2e--push-button details "\\`Resend"))))
    (list :buffer_after_resend (gptel-diagnose-e2e--answer-after-resend buffer)
          :details_buffer (buffer-name details)
          :fix_label fix-label :resend_label resend-label
          :prompts (vconcat (reverse prompts))
          :offered (vconcat offered)
          :value_after_fix (format "%s" value)
          :messages (vconcat (reverse (butlast gptel-diagnose-e2e--messages mark))))))

(defun gptel-diagnose-e2e--keys-from-details (buffer)
  "Open the last failure's details, press a and r as a user would; wait for BUFFER's answer.
Say yes to every question but saving; choosing among fixes is an
error: a, with point where the buffer opens, applies the fix the
echo line showed."
  (let* ((prompts nil)
         (mark (length gptel-diagnose-e2e--messages))
         details value)
    (cl-letf (((symbol-function 'y-or-n-p)
               (lambda (prompt) (push prompt prompts) (not (string-match-p "Save" prompt))))
              ((symbol-function 'completing-read)
               (lambda (prompt &rest _) (error "Unexpected question: %s" prompt))))
      (with-current-buffer buffer (call-interactively #'gptel-diagnose))
      (setq details (window-buffer (selected-window)))
      (with-current-buffer details
        (goto-char (point-min))
        (call-interactively (key-binding (kbd "a")))
        (setq value (with-current-buffer buffer gptel-model))
        (call-interactively (key-binding (kbd "r")))))
    (list :buffer_after_resend (gptel-diagnose-e2e--answer-after-resend buffer)
          :details_buffer (buffer-name details)
          :prompts (vconcat (reverse prompts))
          :value_after_fix (format "%s" value)
          :messages (vconcat (reverse (butlast gptel-diagnose-e2e--messages mark))))))

(defun gptel-diagnose-e2e--run (run)
  "Make the request RUN describes and return what the user saw, as a plist."
  (let* ((backend (gptel-diagnose-e2e--backend (plist-get run :backend)))
         (buffer (generate-new-buffer "*e2e*"))
         (callback-log (list nil))
         (mark (length gptel-diagnose-e2e--messages))
         (deadline (+ (float-time) (or (plist-get run :timeout) 20)))
         (signal nil)
         line)
    (setq gptel-backend backend
          gptel-model (intern (plist-get (plist-get run :backend) :model))
          gptel-use-curl (eq (plist-get run :use_curl) t)
          gptel-stream (eq (plist-get (plist-get run :backend) :gptel_stream) t)
          gptel-proxy (or (plist-get run :proxy) "")
          gptel-curl-extra-args nil
          gptel-diagnose-locale (or (plist-get run :locale) "en")
          gptel-log-level (and (plist-get run :log_level)
                               (intern (plist-get run :log_level)))
          gptel-use-tools (eq (plist-get run :tools) t)
          gptel-tools (and (eq (plist-get run :tools) t) (list gptel-diagnose-e2e--tool))
          gptel-diagnose--last-failure nil)
    (with-current-buffer buffer
      (text-mode)
      (when (eq (plist-get run :raw_bytes) t)
        (insert (string-to-multibyte "\344\275")))
      (insert "Say hello."))
    (condition-case err
        (gptel-diagnose-e2e--start run buffer callback-log)
      (error (setq signal (error-message-string err))))
    (if (equal (plist-get run :entry) "checkup")
        (while (and (not gptel-diagnose-e2e--checkups) (< (float-time) deadline))
          (accept-process-output nil 0.05))
      (while (and (not (setq line (gptel-diagnose-e2e--line-since mark)))
                  (< (float-time) deadline))
        (accept-process-output nil 0.05)))
    ;; Let anything that would overwrite the line happen before we look.
    (let ((settle (+ (float-time) 0.3)))
      (while (< (float-time) settle) (accept-process-output nil 0.05)))
    (let* ((failure gptel-diagnose--last-failure)
           (last-message (car gptel-diagnose-e2e--messages))
           (fix-run (and line failure
                         (pcase (plist-get run :entry)
                           ("fix-resend-undo"
                            (gptel-diagnose-e2e--fix-resend-undo failure buffer))
                           ("fix-from-details"
                            (gptel-diagnose-e2e--fix-from-details
                             failure buffer "gptel-model"))
                           ("keys-from-details"
                            (gptel-diagnose-e2e--keys-from-details buffer))
                           ("ask-from-details"
                            (gptel-diagnose-e2e--fix-from-details
                             failure buffer "gptel-model" "then sets gptel-model\\'"
                             (plist-get run :choice)))
                           ("cacert-from-details"
                            (gptel-diagnose-e2e--fix-from-details
                             failure buffer "gptel-curl-extra-args"
                             "then adds it to gptel-curl-extra-args\\'" nil
                             (plist-get run :cacert)))))))
      (list :id (plist-get run :id)
            :fix_run fix-run
            :line line
            :last_message last-message
            :messages (vconcat (reverse (butlast gptel-diagnose-e2e--messages mark)))
            :signal signal
            :callback (vconcat (reverse (car callback-log)))
            :diagnosis (and failure (gptel-diagnose--failure-diagnosis failure))
            :sent (and failure (gptel-diagnose--failure-params failure))
            :details (and failure (gptel-diagnose--failure-diagnosis failure)
                          (gptel-diagnose-format-details failure))
            :curl (and failure (gptel-diagnose-curl-command failure))
            :checkup (pop gptel-diagnose-e2e--checkups)
            :elapsed (- (float-time) (- deadline (or (plist-get run :timeout) 20)))))))

(defun gptel-diagnose-e2e--text (json)
  "JSON as text: Emacs 30's `json-serialize' returns UTF-8 bytes, Emacs 28's text."
  (if (multibyte-string-p json) json (decode-coding-string json 'utf-8)))

(defun gptel-diagnose-e2e-main ()
  "Run the runs in the JSON file named by the first command-line argument."
  (let* ((file (pop command-line-args-left))
         (runs (let ((json-object-type 'plist) (json-array-type 'list)
                     (json-false :json-false))
                 (json-read-file file))))
    (setq gptel-diagnose-server-command
          (split-string-and-unquote (getenv "GPTEL_DIAGNOSE_SERVER")))
    (when (getenv "GPTEL_DIAGNOSE_TIMEOUT")
      (setq gptel-diagnose-request-timeout
            (string-to-number (getenv "GPTEL_DIAGNOSE_TIMEOUT"))))
    (advice-add 'message :around #'gptel-diagnose-e2e--record-message)
    (gptel-diagnose-mode 1)
    (dolist (run runs)
      (let ((result (condition-case err (gptel-diagnose-e2e--run run)
                      (error (list :id (plist-get run :id)
                                   :harness_error (error-message-string err))))))
        (princ (concat "E2E-RESULT "
                       (gptel-diagnose-e2e--text
                        (json-serialize result :null-object nil
                                        :false-object :json-false))
                       "\n"))))
    (when (and gptel-diagnose--connection
               (jsonrpc-running-p gptel-diagnose--connection))
      (ignore-errors (jsonrpc-shutdown gptel-diagnose--connection)))))

(provide 'harness)
;;; harness.el ends here

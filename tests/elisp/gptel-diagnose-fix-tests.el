;;; gptel-diagnose-fix-tests.el --- Fixes, resend, details buffer, courtesy  -*- lexical-binding: t -*-

;;; Commentary:

;; ERT tests for applying and undoing fixes, resending the failed
;; request, the details buffer, and how the echo-area line behaves.

;;; Code:

(require 'ert)
(require 'cl-lib)
(require 'gptel)
(require 'gptel-diagnose)

(defmacro gptel-diagnose-fix-tests--answering (answers &rest body)
  "Run BODY with `y-or-n-p' answering ANSWERS in turn; bind `asked' to the prompts."
  (declare (indent 1))
  `(let ((asked nil) (answers ,answers))
     (ignore asked)
     (cl-letf (((symbol-function 'y-or-n-p)
                (lambda (prompt) (push prompt asked) (pop answers)))
               ((symbol-function 'customize-save-variable)
                (lambda (symbol value &rest _) (push (list 'saved symbol value) asked))))
       ,@body)))

(defun gptel-diagnose-fix-tests--failure (&rest fields)
  "A failure with FIELDS, from a live temporary buffer unless FIELDS say otherwise."
  (apply #'gptel-diagnose--make-failure
         (append fields (list :buffer (generate-new-buffer " *fix-test*")
                              :time (float-time) :entry "request"))))

(defconst gptel-diagnose-fix-tests--stream-off
  '(:title "Turn off streaming" :applicability "safe" :variable "gptel-stream" :value "nil"))

;;;; Applying and undoing

(ert-deftest gptel-diagnose-safe-fix-applies-with-one-key ()
  (let ((gptel-stream t) (gptel-diagnose--applied nil) (gptel-diagnose-offer-save nil))
    (gptel-diagnose-fix-tests--answering nil
      (gptel-diagnose-apply-fix gptel-diagnose-fix-tests--stream-off
                                (gptel-diagnose-fix-tests--failure))
      (should (eq gptel-stream nil))
      (should-not (cl-find-if (lambda (p) (and (stringp p) (string-match-p "Apply" p))) asked)))))

(ert-deftest gptel-diagnose-unsafe-fix-asks-first ()
  (let ((gptel-max-tokens 999) (gptel-diagnose--applied nil) (gptel-diagnose-offer-save nil)
        (fix '(:title "No cap" :applicability "unsafe" :variable "gptel-max-tokens"
               :value "nil")))
    (gptel-diagnose-fix-tests--answering '(nil)
      (gptel-diagnose-apply-fix fix (gptel-diagnose-fix-tests--failure))
      (should (= gptel-max-tokens 999))
      (should (string-match-p "Apply\\?" (car asked))))
    (gptel-diagnose-fix-tests--answering '(t nil)
      (gptel-diagnose-apply-fix fix (gptel-diagnose-fix-tests--failure))
      (should (null gptel-max-tokens)))))

(ert-deftest gptel-diagnose-display-only-fix-is-never-applied ()
  (let ((gptel-curl-extra-args nil) (gptel-diagnose--applied nil))
    (gptel-diagnose-fix-tests--answering '(t t t)
      (gptel-diagnose-apply-fix '(:title "Trust the CA" :applicability "display-only"
                                  :variable "gptel-curl-extra-args"
                                  :value "'(\"--cacert\" \"/ca.pem\")")
                                (gptel-diagnose-fix-tests--failure))
      (should (null gptel-curl-extra-args))
      (should (null gptel-diagnose--applied))
      (should (null asked)))))

(ert-deftest gptel-diagnose-fix-outside-gptel-options-is-refused ()
  (gptel-diagnose-fix-tests--answering '(t t)
    (let ((before shell-file-name))
      (gptel-diagnose-apply-fix '(:title "x" :applicability "safe"
                                  :variable "shell-file-name" :value "\"/bin/evil\""))
      (should (equal shell-file-name before)))))

(ert-deftest gptel-diagnose-fix-is-buffer-local-where-the-setting-is ()
  (let* ((failure (gptel-diagnose-fix-tests--failure))
         (buffer (gptel-diagnose--failure-buffer failure))
         (global gptel-model)
         (gptel-diagnose--applied nil))
    (with-current-buffer buffer (setq-local gptel-model 'gpt-old))
    (gptel-diagnose-fix-tests--answering '(nil)
      (gptel-diagnose-apply-fix '(:title "Use gpt-4o-mini" :applicability "safe"
                                  :variable "gptel-model" :value "'gpt-4o-mini")
                                failure))
    (should (eq (buffer-local-value 'gptel-model buffer) 'gpt-4o-mini))
    (should (eq (default-value 'gptel-model) global))
    (gptel-diagnose-undo-fix)
    (should (eq (buffer-local-value 'gptel-model buffer) 'gpt-old))))

(ert-deftest gptel-diagnose-global-fix-offers-saving-and-undo-restores ()
  (let ((gptel-log-level nil) (gptel-diagnose--applied nil) (gptel-diagnose-offer-save t))
    (gptel-diagnose-fix-tests--answering '(t nil)
      (gptel-diagnose-apply-fix '(:title "Log" :applicability "safe"
                                  :variable "gptel-log-level" :value "'info")
                                (gptel-diagnose-fix-tests--failure))
      (should (eq gptel-log-level 'info))
      (should (member '(saved gptel-log-level info) asked)))
    (gptel-diagnose-fix-tests--answering nil
      (gptel-diagnose-undo-fix)
      (should (null gptel-log-level))
      (should (member '(saved gptel-log-level nil) asked)))
    (should-error (gptel-diagnose-undo-fix) :type 'user-error)))

(ert-deftest gptel-diagnose-applying-a-fix-offers-to-resend ()
  (let ((gptel-stream t) (gptel-diagnose--applied nil) (gptel-diagnose-offer-save nil)
        (resent nil))
    (cl-letf (((symbol-function 'gptel-diagnose--gptel-resend)
               (lambda (&rest args) (setq resent args))))
      (gptel-diagnose-fix-tests--answering '(t)
        (gptel-diagnose-apply-fix gptel-diagnose-fix-tests--stream-off
                                  (gptel-diagnose-fix-tests--failure :fsm 'the-fsm))
        (should (string-match-p "Resend" (car asked)))
        (should (eq (car resent) 'the-fsm))))))

;;;; Resending

(ert-deftest gptel-diagnose-retry-resends-send-requests-from-their-position ()
  (let* ((failure (gptel-diagnose-fix-tests--failure))
         (buffer (gptel-diagnose--failure-buffer failure))
         (seen nil))
    (with-current-buffer buffer (insert "Hello there, model."))
    (setf (gptel-diagnose--failure-entry failure) "send"
          (gptel-diagnose--failure-position failure)
          (with-current-buffer buffer (copy-marker 6)))
    (cl-letf (((symbol-function 'gptel-send)
               (lambda (&rest _) (setq seen (list (current-buffer) (point))))))
      (gptel-diagnose-retry failure))
    (should (equal seen (list buffer 6)))))

(ert-deftest gptel-diagnose-retry-replays-other-requests-state-machine ()
  (let* ((fsm (gptel-make-fsm :info (list :error "x" :status "HTTP/1.1 529" :http-status "529")))
         (failure (gptel-diagnose-fix-tests--failure :fsm fsm))
         (moved nil))
    (cl-letf (((symbol-function 'gptel--fsm-transition)
               (lambda (machine state) (setq moved (list machine state)))))
      (gptel-diagnose-retry failure))
    (should (equal moved (list fsm 'WAIT)))
    (should-not (plist-get (gptel-fsm-info fsm) :error))))

(ert-deftest gptel-diagnose-retry-counts-down-a-stated-wait-and-can-be-cancelled ()
  (let* ((failure (gptel-diagnose-fix-tests--failure
                   :fsm 'fsm :diagnosis '(:retryable t :retry_after 0.6)))
         (resent 0) (shown nil))
    (cl-letf (((symbol-function 'gptel-diagnose--gptel-resend) (lambda (&rest _) (cl-incf resent)))
              ((symbol-function 'message)
               (lambda (fmt &rest args) (push (apply #'format fmt args) shown))))
     (unwind-protect
      (progn
      (gptel-diagnose-retry failure)
      (should (= resent 0))
      (should (string-match-p "resending in 1 s" (car shown)))
      (with-timeout (3 (ert-fail "the countdown never resent"))
        (while (= resent 0) (accept-process-output nil 0.05)))
      (should (= resent 1))
      (setf (gptel-diagnose--failure-time failure) (float-time))
      (gptel-diagnose-retry failure)
      (gptel-diagnose-cancel-retry)
      (sleep-for 1)
      (should (= resent 1))
      (should (string-match-p "cancelled" (car shown))))
      (gptel-diagnose-cancel-retry)))))

(ert-deftest gptel-diagnose-retry-refuses-when-the-buffer-is-gone ()
  (let ((failure (gptel-diagnose-fix-tests--failure :fsm 'fsm)))
    (kill-buffer (gptel-diagnose--failure-buffer failure))
    (should-error (gptel-diagnose-retry failure) :type 'user-error)))

;;;; The details buffer

(defconst gptel-diagnose-fix-tests--diagnosis
  '(:category "rate_limit" :rule "RATE001" :rule_name "rate-limit-per-minute"
    :severity "warning" :summary "Rate limited by OpenAI." :explanation "Too fast."
    :steps ["Wait." "Resend."] :retryable t :retry_after 20
    :fixes [(:title "Turn off streaming" :applicability "safe" :variable "gptel-stream"
             :value "nil")
            (:title "See limits" :applicability "display-only"
             :url "https://platform.openai.com/account/limits")]
    :docs ["https://platform.openai.com/docs/guides/rate-limits"]))

(ert-deftest gptel-diagnose-details-buffer-has-sections-buttons-and-keys ()
  (let* ((failure (gptel-diagnose-fix-tests--failure
                   :fsm 'fsm :diagnosis gptel-diagnose-fix-tests--diagnosis
                   :params '(:error (:status "HTTP/2 429" :http_status "429"
                                     :error "Authorization: Bearer sk-abcdefghijklmnopqrstuvwx"))))
         (buffer (gptel-diagnose--render-details failure)))
    (with-current-buffer buffer
      (should (derived-mode-p 'special-mode))
      (should (eq (key-binding (kbd "q")) 'quit-window))
      (should (eq (key-binding (kbd "g")) 'gptel-diagnose-refresh))
      (should (eq (key-binding (kbd "?")) 'describe-mode))
      (let ((text (buffer-string)))
        (dolist (part '("What happened" "Too fast." "What to do" "1. Wait." "Fixes"
                        "(setq gptel-stream nil)" "References" "What gptel reported"
                        "HTTP status: 429" "Resend after the wait"))
          (should (string-match-p (regexp-quote part) text)))
        (should-not (string-match-p "abcdefghijklmnop" text)))
      (let ((labels nil))
        (goto-char (point-min))
        (while (forward-button 1 nil nil t)
          (push (button-label (button-at (point))) labels))
        (should (member "Turn off streaming [safe]: (setq gptel-stream nil)" labels))
        (should (member "https://platform.openai.com/account/limits" labels))
        (should (member "https://platform.openai.com/docs/guides/rate-limits" labels))))))

(ert-deftest gptel-diagnose-details-show-the-provider-message-once-in-its-section ()
  (let* ((said "Your credit balance is too low (key sk-ant-api03-abcdefghijklmnopqrstu)")
         (text (gptel-diagnose-format-details
                (gptel-diagnose-fix-tests--failure
                 :diagnosis (append (list :provider_message said)
                                    gptel-diagnose-fix-tests--diagnosis)
                 :params '(:error (:http_status "400"))))))
    (should (string-match-p "^The provider said\n" text))
    (should (= 1 (cl-loop with start = 0
                          while (string-match "Your credit balance is too low" text start)
                          count t do (setq start (match-end 0)))))
    (should-not (string-match-p "abcdefghijklmnopqrstu" text)))
  (should-not (string-match-p
               "The provider said"
               (gptel-diagnose-format-details
                (gptel-diagnose-fix-tests--failure
                 :diagnosis gptel-diagnose-fix-tests--diagnosis
                 :params '(:error (:http_status "400")))))))

(ert-deftest gptel-diagnose-details-refresh-asks-the-server-again ()
  (let* ((failure (gptel-diagnose-fix-tests--failure
                   :diagnosis '(:summary "old" :fixes [] :steps [] :docs [])))
         (asked 0))
    (cl-letf (((symbol-function 'gptel-diagnose--request-diagnosis)
               (lambda (f callback)
                 (cl-incf asked)
                 (setf (gptel-diagnose--failure-diagnosis f)
                       '(:summary "new" :explanation "x" :fixes [] :steps [] :docs []))
                 (funcall callback f))))
      (with-current-buffer (gptel-diagnose--render-details failure)
        (gptel-diagnose-refresh)
        (should (= asked 1))
        (should (string-match-p "gptel-diagnose: new" (buffer-string)))))))

;;;; Courtesy

(ert-deftest gptel-diagnose-line-is-shortened-but-never-inside-the-setq ()
  (let* ((diagnosis '(:summary "A very long summary that goes on and on about what went wrong and why"
                      :fixes [(:title "t" :applicability "safe" :variable "gptel-stream"
                               :value "nil")]))
         (line (gptel-diagnose-format-line diagnosis 70)))
    (should (<= (length line) 70))
    (should (string-suffix-p "…  Fix: (setq gptel-stream nil)" line))
    (let ((tiny (gptel-diagnose-format-line diagnosis 40)))
      (should (<= (length tiny) 40))
      (should-not (string-match-p "(setq" tiny)))
    (should (equal (gptel-diagnose-format-line diagnosis)
                   (gptel-diagnose-format-line diagnosis 1000)))))

(ert-deftest gptel-diagnose-line-waits-while-the-minibuffer-is-in-use ()
  (let ((shown nil) (gptel-diagnose--pending-line nil) (minibuffer-exit-hook nil))
    (cl-letf (((symbol-function 'active-minibuffer-window) (lambda () t))
              ((symbol-function 'run-at-time)
               (lambda (_time _repeat fn &rest args) (apply fn args)))
              ((symbol-function 'message)
               (lambda (fmt &rest args)
                 (unless inhibit-message (push (apply #'format fmt args) shown)))))
      (gptel-diagnose--display "gptel-diagnose: later")
      (should-not shown)
      (should (memq #'gptel-diagnose--show-pending minibuffer-exit-hook))
      (run-hooks 'minibuffer-exit-hook)
      (should (equal shown '("gptel-diagnose: later")))
      (should-not (memq #'gptel-diagnose--show-pending minibuffer-exit-hook)))))

(ert-deftest gptel-diagnose-auto-on-request-asks-nothing ()
  (let ((gptel-diagnose-auto 'on-request) (gptel-diagnose--last-failure nil) (timers nil))
    (cl-letf (((symbol-function 'run-at-time) (lambda (&rest args) (push args timers))))
      (gptel-diagnose--report '(:params (:error (:error "x" :http_status "429")))))
    (should gptel-diagnose--last-failure)
    (should-not timers)))

(ert-deftest gptel-diagnose-auto-ask-asks-before-explaining ()
  (let ((gptel-diagnose-auto 'ask) (requested nil))
    (cl-letf (((symbol-function 'gptel-diagnose--request-diagnosis)
               (lambda (&rest _) (setq requested t))))
      (gptel-diagnose-fix-tests--answering '(nil)
        (gptel-diagnose--explain-soon
         (gptel-diagnose-fix-tests--failure :params '(:error (:http_status "429"))))
        (should (string-match-p "HTTP 429.*Explain\\?" (car asked)))
        (should-not requested))
      (gptel-diagnose-fix-tests--answering '(t)
        (gptel-diagnose--explain-soon (gptel-diagnose-fix-tests--failure :params nil))
        (should requested)))))

(ert-deftest gptel-diagnose-old-gptel-gets-one-clear-message-and-no-advice ()
  (gptel-diagnose-mode -1)
  (let ((warnings nil))
    (cl-letf (((symbol-function 'gptel-diagnose--gptel-supported-p) (lambda () nil))
              ((symbol-function 'display-warning)
               (lambda (_type message &rest _) (push message warnings))))
      (unwind-protect
          (progn (gptel-diagnose-mode 1)
                 (should (equal warnings
                                '("gptel is too old: gptel-diagnose needs gptel 0.9.8 or newer")))
                 (should-not (advice-member-p #'gptel-diagnose--around-transition
                                              'gptel--fsm-transition)))
        (gptel-diagnose-mode -1)))))

(provide 'gptel-diagnose-fix-tests)
;;; gptel-diagnose-fix-tests.el ends here

;;;; Secrets

(defun gptel-diagnose-fix-tests--random (alphabet length)
  "A random string of LENGTH characters from ALPHABET."
  (apply #'string (cl-loop repeat length collect (aref alphabet (random (length alphabet))))))

(defconst gptel-diagnose-fix-tests--alnum
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

(defun gptel-diagnose-fix-tests--secret ()
  "A random secret and the text that leaks it, as (SECRET . TEXT)."
  (let* ((alnum gptel-diagnose-fix-tests--alnum)
         (token (gptel-diagnose-fix-tests--random alnum (+ 24 (random 30))))
         (choice (random 12))
         (secret (pcase choice
                   (0 (concat "sk-" token)) (1 (concat "sk-proj-" token))
                   (2 (concat "sk-ant-api03-" token)) (3 (concat "sk-or-v1-" token))
                   (4 (concat "AIza" (gptel-diagnose-fix-tests--random alnum 35)))
                   (5 (concat "ghp_" (gptel-diagnose-fix-tests--random alnum 36)))
                   (6 (concat "gsk_" token)) (7 (concat "xai-" token))
                   (8 (concat "AKIA" (gptel-diagnose-fix-tests--random
                                      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" 16)))
                   (_ token)))
         (leak (pcase choice
                 (9 (concat "Authorization: Bearer " secret))
                 (10 (concat "x-api-key: " secret))
                 (11 (concat "https://h.example/v1?key=" secret))
                 (_ secret))))
    (cons secret (concat (gptel-diagnose-fix-tests--random "abc ,:()\"'\n" (random 20))
                         leak
                         (gptel-diagnose-fix-tests--random " .,;)\"'\n" (random 5))))))

(ert-deftest gptel-diagnose-no-secret-survives-any-output ()
  (dotimes (_ 300)
    (pcase-let* ((`(,secret . ,text) (gptel-diagnose-fix-tests--secret))
                 (failure (gptel-diagnose-fix-tests--failure
                           :params (list :error (list :status "HTTP/2 401" :http_status "401"
                                                      :error (list :message text)))
                           :diagnosis (list :summary text :explanation text :steps (vector text)
                                            :fixes (vector (list :title text
                                                                 :applicability "display-only"))
                                            :docs []))))
      (gptel-diagnose--log "test %s" text)
      (dolist (output (list (gptel-diagnose--line failure)
                            (gptel-diagnose--line failure 60)
                            (gptel-diagnose-format-details failure)
                            (gptel-diagnose-format-fallback
                             (list :error (list :http_status text :curl_exit_code 7))
                             (list :kind 'error :message text))
                            (json-serialize (gptel-diagnose--json (list :e text))
                                            :null-object nil)
                            (with-current-buffer gptel-diagnose--log-buffer
                              (buffer-substring (line-beginning-position 0) (point-max)))))
        (should-not (string-search secret output))))))

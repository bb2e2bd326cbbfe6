;;; gptel-diagnose-context-tests.el --- What the companion tells the server of the setup  -*- lexical-binding: t -*-

;;; Commentary:

;; scripts/emacs-batch -L tests/elisp -l gptel-diagnose-context-tests \
;;   -f ert-run-tests-batch-and-exit
;;
;; The context the gptel layer sends with a failure: where the key
;; comes from and whose key it looks like (never the key), the backend
;; as configured, proxies, temperature and max tokens with where each
;; is set, versions, the request's size.  Fake backends and state
;; machines; no network.  Also the curl replay built from another
;; buffer than the request's.

;;; Code:

(require 'ert)
(require 'cl-lib)
(require 'json)
(require 'gptel)
(require 'gptel-openai)
(require 'gptel-anthropic)
(require 'gptel-gemini)
(require 'gptel-ollama)
(require 'gptel-diagnose)
(require 'url-http)

(defconst gptel-diagnose-context-tests--secret "Zq7vXw3Lp9Rt5Yk2Mn8Bc4Df6Gh1Jj0"
  "A key body no table or text contains, to prove the key is never sent.")

(defun gptel-diagnose-context-tests--fsm (info)
  "A failed request (state ERRS) with INFO."
  (let ((fsm (gptel-make-fsm :info info)))
    (setf (gptel-fsm-state fsm) 'ERRS)
    fsm))

(defun gptel-diagnose-context-tests--params (backend &rest info)
  "The diagnose params of a failed request to BACKEND, with more INFO."
  (gptel-diagnose--params
   (gptel-diagnose-context-tests--fsm
    (append info (list :backend backend :model 'gpt-4o-mini :http-status "401"
                       :error '(:message "Incorrect API key provided"))))))

(defun gptel-diagnose-context-tests--backend-field (backend field)
  "FIELD of the backend params sent for a failure on BACKEND."
  (plist-get (plist-get (gptel-diagnose-context-tests--params backend) :backend) field))

(defun gptel-diagnose-context-tests--request-field (params field)
  "FIELD of the request part of PARAMS."
  (plist-get (plist-get params :request) field))

(defun gptel-diagnose-context-tests--wire (params)
  "PARAMS as the text sent on the wire."
  (json-serialize params :null-object nil :false-object :json-false))

;;;; Where the key comes from

(defun gptel-diagnose-context-tests--env-key ()
  "A key function as users write it: the key from the environment."
  (getenv "OPENAI_API_KEY"))

(ert-deftest gptel-diagnose-key-source-names-each-place-gptel-takes-a-key-from ()
  (let* ((gptel-api-key (concat "sk-proj-" gptel-diagnose-context-tests--secret))
         (source (lambda (key)
                  (gptel-diagnose-context-tests--backend-field
                    (gptel-make-openai "T" :key key :models '(gpt-4o-mini)) :key_source))))
    (should (equal (funcall source "sk-literal-key-000000000000") "string"))
    (should (equal (funcall source 'gptel-api-key) "gptel-api-key"))
    (should (equal (funcall source #'gptel-api-key-from-auth-source) "auth-source"))
    (should (equal (funcall source (lambda () "sk-from-a-function-0000000")) "function"))
    (should (equal (funcall source (lambda () (getenv "OPENAI_API_KEY"))) "env"))
    (should (equal (funcall source (byte-compile #'gptel-diagnose-context-tests--env-key))
                   "env"))
    (should (equal (funcall source nil) "none"))))

(defun gptel-diagnose-context-tests--two-env-key ()
  "A key function that reads one of two variables."
  (or (getenv "MY_RELAY_KEY") (getenv "OPENAI_API_KEY")))

(ert-deftest gptel-diagnose-key-env-names-the-variable-a-key-function-reads ()
  ;; The user's own variable, so that the line and the curl replay name it,
  ;; not the provider's usual one.
  (let ((env (lambda (key)
               (gptel-diagnose-context-tests--backend-field
                (gptel-make-openai "T" :key key :models '(gpt-4o-mini)) :key_env))))
    (should (equal (funcall env (lambda () (getenv "MY_RELAY_KEY"))) "MY_RELAY_KEY"))
    (should (equal (funcall env (byte-compile #'gptel-diagnose-context-tests--env-key))
                   "OPENAI_API_KEY"))
    ;; Two variables, or none named literally: not sure which, so none.
    (should-not (funcall env (lambda () (or (getenv "MY_RELAY_KEY") (getenv "OTHER")))))
    (should-not (funcall env (byte-compile #'gptel-diagnose-context-tests--two-env-key)))
    (should-not (funcall env (let ((name "X")) (lambda () (getenv name)))))
    ;; Not read from the environment: nothing to name.
    (should-not (funcall env (lambda () "sk-from-a-function-0000000")))
    (should-not (funcall env "sk-literal-key-000000000000"))))

(ert-deftest gptel-diagnose-key-source-of-the-default-key-is-auth-source ()
  ;; gptel's default: the backend's :key is `gptel-api-key', which holds
  ;; `gptel-api-key-from-auth-source'.
  (let ((gptel-api-key #'gptel-api-key-from-auth-source))
    (should (equal (gptel-diagnose-context-tests--backend-field
                    (gptel-make-openai "T" :key 'gptel-api-key :models '(gpt-4o-mini))
                    :key_source)
                   "auth-source"))))

(ert-deftest gptel-diagnose-key-source-is-none-for-a-keyless-local-backend ()
  (should (equal (gptel-diagnose-context-tests--backend-field
                  (gptel-make-ollama "O" :models '(llama3.2)) :key_source)
                 "none")))

;;;; Whose key it looks like

(ert-deftest gptel-diagnose-key-shape-names-the-provider-whose-key-it-is ()
  (let ((shape (lambda (key)
                 (gptel-diagnose-context-tests--backend-field
                  (gptel-make-openai "T" :key key :models '(gpt-4o-mini)) :key_shape))))
    (should (equal (funcall shape (concat "sk-ant-api03-" gptel-diagnose-context-tests--secret))
                   "anthropic"))
    (should (equal (funcall shape (concat "AIzaSy" gptel-diagnose-context-tests--secret))
                   "gemini"))
    (should (equal (funcall shape (concat "sk-or-v1-" gptel-diagnose-context-tests--secret))
                   "openrouter"))
    (should (equal (funcall shape (concat "sk-proj-" gptel-diagnose-context-tests--secret))
                   "openai"))))

(ert-deftest gptel-diagnose-key-shape-of-a-bare-sk-key-names-nobody ()
  ;; DeepSeek, Moonshot, Hunyuan, DashScope and old OpenAI keys all begin "sk-".
  (should-not (gptel-diagnose-context-tests--backend-field
               (gptel-make-openai "T" :key (concat "sk-" gptel-diagnose-context-tests--secret)
                                  :models '(gpt-4o-mini))
               :key_shape))
  (should-not (gptel-diagnose--key-shape "sk-")))

(ert-deftest gptel-diagnose-key-shape-uses-the-longest-documented-prefix ()
  ;; Every row of the table whose prefix begins another row's must come after it.
  (dolist (row gptel-diagnose--key-prefixes)
    (let ((longer (seq-filter (lambda (other)
                                (and (not (equal (car other) (car row)))
                                     (string-prefix-p (car row) (car other))))
                              gptel-diagnose--key-prefixes)))
      (dolist (other longer)
        (should (equal (gptel-diagnose--key-shape (concat (car other) "abcdefgh"))
                       (cdr other)))))))

(ert-deftest gptel-diagnose-key-shape-of-a-function-key-is-read-as-gptel-fetches-it ()
  (let* ((calls 0)
         (backend (gptel-make-openai "T" :models '(gpt-4o-mini)
                    :key (lambda ()
                           (cl-incf calls)
                           (concat "sk-ant-api03-" gptel-diagnose-context-tests--secret)))))
    (unwind-protect
        (progn
          (advice-add 'gptel--get-api-key :filter-return #'gptel-diagnose--note-key-shape)
          ;; Before gptel fetched it, nobody knows: the function is not called.
          (should-not (gptel-diagnose-context-tests--backend-field backend :key_shape))
          (should (= calls 0))
          (let ((gptel-backend backend)) (gptel--get-api-key))
          (should (= calls 1))
          (let ((params (gptel-diagnose-context-tests--params backend)))
            (should (equal (plist-get (plist-get params :backend) :key_shape) "anthropic"))
            (should-not (string-search gptel-diagnose-context-tests--secret
                                       (gptel-diagnose-context-tests--wire params))))
          (should (= calls 1)))
      (advice-remove 'gptel--get-api-key #'gptel-diagnose--note-key-shape))))

(ert-deftest gptel-diagnose-key-facts-never-carry-the-key ()
  (let* ((key (concat "sk-ant-api03-" gptel-diagnose-context-tests--secret " \n"))
         (params (gptel-diagnose-context-tests--params
                  (gptel-make-openai "T" :key key :models '(gpt-4o-mini))))
         (backend (plist-get params :backend)))
    (should (eq (plist-get backend :has_key) t))
    (should (eq (plist-get backend :key_has_whitespace) t))
    (should-not (string-search gptel-diagnose-context-tests--secret
                               (gptel-diagnose-context-tests--wire params)))))

;; gptel 0.9.7 and later drop a key's trailing newline before sending it (a hand trial on
;; gptel 0.9.9.6: the line blamed the newline for a key the provider refused on its own).
(ert-deftest gptel-diagnose-a-trailing-newline-gptel-drops-is-no-stray-whitespace ()
  (let ((key (concat "sk-proj-" gptel-diagnose-context-tests--secret "\n")))
    (let ((gptel-version "0.9.9.6"))
      (should-not (gptel-diagnose--key-whitespace-p key))
      (should (gptel-diagnose--key-whitespace-p (concat key " ")))
      (should (gptel-diagnose--key-whitespace-p (concat " " key))))
    (let ((gptel-version "0.9.6"))
      (should (gptel-diagnose--key-whitespace-p key)))))

;; gptel before 0.9.9.5 has no `gptel-version': its version is the Version header of the
;; gptel.el that was loaded (a hand trial on gptel 0.9.8 sent none, so no rule could use it).
(ert-deftest gptel-diagnose-gptel-version-comes-from-gptel-el-when-gptel-has-no-variable ()
  (let* ((dir (make-temp-file "old-gptel" t))
         (load-path (cons dir load-path))
         (saved gptel-version)
         (gptel-diagnose--gptel-version 'unknown))
    (unwind-protect
        (progn
          (with-temp-file (expand-file-name "gptel.el" dir)
            (insert ";;; gptel.el --- Interact with ChatGPT or other LLMs     -*- lexical-binding: t; -*-\n"
                    ";; Version: 0.9.8\n;;; Code:\n"))
          (makunbound 'gptel-version)
          (should (equal (gptel-diagnose--gptel-version) "0.9.8"))
          (should (gptel-diagnose--gptel-trims-key-p))
          (let ((params (gptel-diagnose-context-tests--params
                         (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini)))))
            (should (equal (gptel-diagnose-context-tests--request-field params :gptel_version)
                           "0.9.8"))))
      (set 'gptel-version saved)
      (delete-directory dir t))
    (should (equal (gptel-diagnose--gptel-version) gptel-version))))

;; gptel before 0.9.9.5 made a `gptel-send' request with its handlers alone (no
;; transition table of its own), and before 0.9.9.4 a rewrite was a `gptel-request' with
;; its own callback.  Taken for `gptel-request's, their resend replayed the old payload
;; and a fix such as (setq gptel-stream nil) changed nothing (seen with gptel 0.9.9.4).
(ert-deftest gptel-diagnose-entry-of-older-gptels-requests ()
  (should (equal (gptel-diagnose--entry
                  (gptel-make-fsm :handlers gptel-send--handlers :info (list :buffer nil)))
                 "send"))
  (should (equal (gptel-diagnose--entry
                  (gptel-make-fsm :info (list :callback 'gptel--rewrite-callback)))
                 "rewrite"))
  (should (equal (gptel-diagnose--entry (gptel-make-fsm :info (list :callback #'ignore)))
                 "request")))

;; A hand trial: gpt-5 not found, the line offered gpt-4o; gpt-4o not found, it offered
;; gpt-5 again.  The models a backend refused go with its next failures.
(ert-deftest gptel-diagnose-models-a-backend-refused-go-with-its-next-failures ()
  (let ((gptel-diagnose--refused-models (make-hash-table :test #'equal))
        (backend (gptel-make-openai "Relay" :key "k" :models '(gpt-4o-mini gpt-4o gpt-5))))
    (gptel-diagnose--note-diagnosis '(:backend (:name "Relay") :request (:model "gpt-5"))
                                    '(:category "model.not_found"))
    (gptel-diagnose--note-diagnosis '(:backend (:name "Relay") :request (:model "gpt-4o"))
                                    '(:category "rate_limit"))
    (gptel-diagnose--note-diagnosis '(:backend (:name "Other") :request (:model "o3"))
                                    '(:category "model.not_found"))
    (gptel-diagnose--note-diagnosis '(:backend (:name "Relay") :request (:model "gpt-5"))
                                    '(:category "model.not_found"))
    (should (equal (gptel-diagnose-context-tests--request-field
                    (gptel-diagnose-context-tests--params backend) :refused_models)
                   ["gpt-5"]))))

;;;; The backend as configured

(ert-deftest gptel-diagnose-backend-is-sent-exactly-as-configured ()
  (let ((backend (plist-get (gptel-diagnose-context-tests--params
                             (gptel-make-openai "Relay" :key "k"
                               :host "https://relay.example.com/v1" :protocol "https"
                               :endpoint "/chat/completions" :stream t
                               :models '(gpt-4o-mini (o3 :capabilities (reasoning)))))
                            :backend)))
    (should (equal (plist-get backend :host) "https://relay.example.com/v1"))
    (should (equal (plist-get backend :endpoint) "/chat/completions"))
    (should (equal (plist-get backend :protocol) "https"))
    (should (eq (plist-get backend :stream) t))
    (should (equal (plist-get backend :models) ["gpt-4o-mini" "o3"]))))

;;;; Proxies

(ert-deftest gptel-diagnose-gptel-proxy-is-sent-as-host-and-port-only ()
  (let* ((gptel-proxy "http://alice:hunter22secret@proxy.corp.example:3128/")
         (params (gptel-diagnose-context-tests--params
                  (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini)))))
    (should (eq (gptel-diagnose-context-tests--request-field params :proxy) t))
    (should (equal (gptel-diagnose-context-tests--request-field params :proxy_host)
                   "proxy.corp.example:3128"))
    (should-not (string-search "hunter22" (gptel-diagnose-context-tests--wire params)))))

(ert-deftest gptel-diagnose-proxy-in-curl-arguments-counts-and-credentials-stay-home ()
  (let* ((gptel-proxy "")
         (gptel-curl-extra-args '("--proxy-user" "alice:hunter22secret" "-m" "30"))
         (params (gptel-diagnose-context-tests--params
                  (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini)
                    :curl-args '("-x" "socks5h://bob:s3cretpass@127.0.0.1:1080"))))
         (args (append (gptel-diagnose-context-tests--request-field params :curl_extra_args)
                       nil)))
    (should (eq (gptel-diagnose-context-tests--request-field params :proxy) t))
    (should (equal (gptel-diagnose-context-tests--request-field params :proxy_host)
                   "127.0.0.1:1080"))
    (should (equal (length args) 6))
    (should (member "-m" args))
    (should (member "--proxy-user" args))
    (let ((wire (gptel-diagnose-context-tests--wire params)))
      (should-not (string-search "hunter22" wire))
      (should-not (string-search "s3cretpass" wire)))))

(ert-deftest gptel-diagnose-gptel-proxy-is-read-as-gptel-reads-it ()
  ;; gptel hands curl any gptel-proxy but the empty string, a stray space included; the
  ;; context and the checkup say what curl was given, read from the request's buffer.
  (let ((buffer (generate-new-buffer " *gptel chat*")))
    (unwind-protect
        (let ((gptel-proxy ""))
          (with-current-buffer buffer (setq-local gptel-proxy " "))
          (should (equal (gptel-diagnose--proxy buffer) " "))
          (should-not (gptel-diagnose--proxy nil))
          (let ((params (gptel-diagnose-context-tests--params
                         (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini))
                         :buffer buffer)))
            (should (eq (gptel-diagnose-context-tests--request-field params :proxy) t)))
          (should (equal (plist-get (gptel-diagnose--settings-params buffer nil) :proxy) " ")))
      (kill-buffer buffer))))

(ert-deftest gptel-diagnose-no-proxy-configured-says-so ()
  (let* ((gptel-proxy "")
         (gptel-curl-extra-args nil)
         (params (gptel-diagnose-context-tests--params
                  (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini)))))
    (should (eq (gptel-diagnose-context-tests--request-field params :proxy) :json-false))
    (should-not (gptel-diagnose-context-tests--request-field params :proxy_host))))

(ert-deftest gptel-diagnose-environment-proxies-are-sent-set-ones-only-host-and-port ()
  (let* ((process-environment
          (append '("HTTPS_PROXY=http://carol:pa55wordxyz@gw.example.net:8080"
                    "no_proxy=localhost,127.0.0.1")
                  (seq-remove (lambda (v) (string-match-p "\\`[a-zA-Z_]*_proxy=" v))
                              process-environment)))
         (env (gptel-diagnose-context-tests--request-field
               (gptel-diagnose-context-tests--params
                (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini)))
               :env_proxy)))
    (should (equal (plist-get env :https_proxy) "gw.example.net:8080"))
    (should (equal (plist-get env :no_proxy) "localhost,127.0.0.1"))
    (should-not (plist-member env :http_proxy))
    (should-not (plist-member env :all_proxy))
    (should-not (string-search "pa55word" (format "%S" env)))))

;;;; Temperature and max tokens, and where each is set

(ert-deftest gptel-diagnose-temperature-source-tells-buffer-local-from-global ()
  (let ((gptel-temperature 0.7)
        (backend (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini))))
    (with-temp-buffer
      (let ((request (lambda ()
                       (plist-get (gptel-diagnose-context-tests--params
                                   backend :buffer (current-buffer))
                                  :request))))
        (should (equal (plist-get (funcall request) :temperature) 0.7))
        (should (equal (plist-get (funcall request) :temperature_source) "global"))
        (setq-local gptel-temperature 0.2)
        (should (equal (plist-get (funcall request) :temperature) 0.2))
        (should (equal (plist-get (funcall request) :temperature_source) "buffer-local"))))))

(ert-deftest gptel-diagnose-request-params-of-model-or-backend-override-the-variables ()
  (let* ((gptel-temperature 1.0)
         (gptel-max-tokens nil)
         (backend (gptel-make-openai "T" :key "k"
                    :models '((gptel-diagnose-test-o3 :request-params (:temperature 0.3)))
                    :request-params '(:max_completion_tokens 512)))
         (request (plist-get (gptel-diagnose--params
                              (gptel-diagnose-context-tests--fsm
                               (list :backend backend :model 'gptel-diagnose-test-o3
                                     :http-status "400")))
                             :request)))
    (should (equal (plist-get request :temperature) 0.3))
    (should (equal (plist-get request :temperature_source) "model"))
    (should (equal (plist-get request :max_tokens) 512))
    (should (equal (plist-get request :max_tokens_source) "model"))))

(ert-deftest gptel-diagnose-unset-temperature-has-no-source ()
  (let* ((gptel-temperature nil)
         (gptel-max-tokens nil)
         (request (plist-get (gptel-diagnose-context-tests--params
                              (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini)))
                             :request)))
    (should-not (plist-get request :temperature))
    (should-not (plist-get request :temperature_source))
    (should-not (plist-get request :max_tokens))
    (should-not (plist-get request :max_tokens_source))))

;;;; Versions, size, tools

(ert-deftest gptel-diagnose-request-carries-versions-size-and-tools ()
  (let* ((gptel-use-tools t)
         (data (list :model "gpt-4o-mini"
                     :messages (vector (list :role "user" :content "Grüße, 世界"))
                     :tools (vector (list :type "function"
                                          :function (list :name "read_file")))))
         (params (gptel-diagnose-context-tests--params
                  (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini))
                  :data data))
         (request (plist-get params :request)))
    (should (equal (plist-get request :emacs_version) emacs-version))
    (should (equal (plist-get request :gptel_version) gptel-version))
    (should (= (plist-get request :request_bytes)
               (length (encode-coding-string (json-serialize data) 'utf-8))))
    (should (eq (plist-get request :use_tools) t))
    (let ((curl (plist-get request :curl_version)))
      (should (or (null curl) (string-match-p "\\`curl [0-9.]+" curl))))))

(ert-deftest gptel-diagnose-use-tools-is-false-when-tools-are-off ()
  (let ((gptel-use-tools nil))
    (should (eq (gptel-diagnose-context-tests--request-field
                 (gptel-diagnose-context-tests--params
                  (gptel-make-openai "T" :key "k" :models '(gpt-4o-mini))
                  :data '(:model "gpt-4o-mini" :tools [(:type "function")]))
                 :use_tools)
                :json-false))))

;;;; url.el's HTTP 402

(ert-deftest gptel-diagnose-watching-adds-and-removes-every-advice ()
  (let ((advices '((gptel--fsm-transition . gptel-diagnose--around-transition)
                   (gptel--get-api-key . gptel-diagnose--note-key-shape)
                   (url-http-parse-headers . gptel-diagnose--around-url-parse-headers)
                   (url-http-handle-authentication
                    . gptel-diagnose--around-url-authentication)
                   (url-http . gptel-diagnose--after-url-http)))
        (handler gptel-diagnose--gptel-handler))
    (unwind-protect
        (progn
          (gptel-diagnose--gptel-watch #'ignore)
          (dolist (advice advices)
            (should (advice-member-p (cdr advice) (car advice))))
          (gptel-diagnose--gptel-watch nil)
          (dolist (advice advices)
            (should-not (advice-member-p (cdr advice) (car advice)))))
      (gptel-diagnose--gptel-watch handler))))

(defun gptel-diagnose-context-tests--url-402 (gptel-owns)
  "Run the 402 advice in a url.el-like buffer; GPTEL-OWNS says whether gptel made it.
Return what the advised call returned and the callback arguments."
  (with-temp-buffer
    (setq-local url-http-response-status 402)
    (setq-local url-callback-arguments (list nil))
    (insert "HTTP/1.1 402 Payment Required\n\n{}")
    (narrow-to-region 1 5)
    (let ((gptel--request-alist (and gptel-owns
                                     (list (cons (current-buffer) (cons 'fsm #'ignore))))))
      (list (gptel-diagnose--around-url-parse-headers
             (lambda () (error "Somebody wants you to give them money")))
            (car url-callback-arguments)
            (buffer-narrowed-p)))))

(ert-deftest gptel-diagnose-url-402-of-a-gptel-request-goes-to-its-callback ()
  (pcase-let ((`(,activate ,arguments ,narrowed)
               (gptel-diagnose-context-tests--url-402 t)))
    (should (eq activate t))
    (should (equal (plist-get arguments :error) '(error http 402)))
    (should-not narrowed)))

(ert-deftest gptel-diagnose-url-402-of-anyone-else-is-left-to-url-el ()
  (should-error (gptel-diagnose-context-tests--url-402 nil)))

;;;; url.el's HTTP 401

(defun gptel-diagnose-context-tests--url-401 (gptel-owns headers &optional proxy)
  "Run the 401 advice on HEADERS in a url.el-like buffer narrowed to them.
GPTEL-OWNS says whether gptel made the request, PROXY is the advised
function's argument.  Return what the call returned, and whether url.el's
own handling (the prompt) ran."
  (url-do-setup)                        ; registers Basic and Digest, as any url-retrieve
  (with-temp-buffer
    (insert "HTTP/1.1 401 Unauthorized\n" headers "\n{\"error\": \"unauthorized\"}")
    (narrow-to-region (point-min) (1+ (length (concat "HTTP/1.1 401 Unauthorized\n" headers))))
    (let* ((prompted nil)
           (gptel--request-alist (and gptel-owns
                                      (list (cons (current-buffer) (cons 'fsm #'ignore)))))
           (value (gptel-diagnose--around-url-authentication
                   (lambda (_proxy) (setq prompted t) nil) proxy)))
      (list value prompted))))

(ert-deftest gptel-diagnose-url-401-asking-nothing-goes-to-gptels-callback ()
  ;; Anthropic's refused x-api-key, a local Ollama not signed in: no WWW-Authenticate.
  (should (equal (gptel-diagnose-context-tests--url-401 t "Content-Type: application/json\n")
                 '(t nil))))

(ert-deftest gptel-diagnose-url-401-in-a-scheme-url-el-cannot-answer-goes-to-gptel ()
  ;; Azure API Management's challenge, and a Bearer one: url.el would call nobody back.
  (should (equal (gptel-diagnose-context-tests--url-401
                  t (concat "WWW-Authenticate: AzureApiManagementKey realm=\"https://x\","
                            "name=\"api-key\",type=\"header\"\n"))
                 '(t nil)))
  (should (equal (gptel-diagnose-context-tests--url-401
                  t "WWW-Authenticate: Bearer realm=\"api\"\n")
                 '(t nil))))

(ert-deftest gptel-diagnose-url-401-asking-credentials-is-left-to-url-el ()
  ;; A server behind Basic auth asks for it: url.el's prompt is what the user needs.
  (should (equal (gptel-diagnose-context-tests--url-401
                  t "WWW-Authenticate: Basic realm=\"llm\"\n")
                 '(nil t)))
  (should (equal (gptel-diagnose-context-tests--url-401
                  t "WWW-Authenticate: Bearer realm=\"api\"\nWWW-Authenticate: Digest realm=\"x\"\n")
                 '(nil t)))
  ;; Nor any request gptel did not make, nor a proxy's 407.
  (should (equal (gptel-diagnose-context-tests--url-401 nil "") '(nil t)))
  (should (equal (gptel-diagnose-context-tests--url-401 t "" t) '(nil t))))

;;;; url.el's unresolved host

(defun gptel-diagnose-context-tests--url-dns (handler status failed-before)
  "Look once at a gptel url.el buffer whose connection has STATUS.
HANDLER stands for watching; FAILED-BEFORE for the look before.
Return the reasons url.el's sentinel was run with, and the reason kept
for the request."
  (let ((sentinel-reasons nil)
        (gptel-diagnose--gptel-handler handler)
        (gptel-diagnose--url-failures (make-hash-table :test #'eq)))
    (with-temp-buffer
      (setq-local url-current-object (url-generic-parse-url "https://api.example.invalid/v1"))
      (setq-local url-http-process 'connection)
      (setq-local url-http-connection-opened nil)
      (let ((gptel--request-alist (list (cons (current-buffer) (cons 'fsm #'ignore)))))
        (cl-letf (((symbol-function 'gptel-diagnose--url-connection-status)
                   (lambda (_buffer) status))
                  ((symbol-function 'run-with-timer) #'ignore)
                  ((symbol-function 'url-http-async-sentinel)
                   (lambda (_process why) (push why sentinel-reasons))))
          (gptel-diagnose--check-url-connection (current-buffer) 3 failed-before))))
    (list sentinel-reasons (gethash 'fsm gptel-diagnose--url-failures))))

(ert-deftest gptel-diagnose-url-connection-failed-without-a-word-runs-its-sentinel ()
  (should (equal (gptel-diagnose-context-tests--url-dns #'ignore 'failed t)
                 '(("failed with code -1: Name lookup of api.example.invalid failed\n")
                   "Name lookup of api.example.invalid failed"))))

(ert-deftest gptel-diagnose-url-connection-is-left-alone-otherwise ()
  ;; Failed once: its own sentinel may yet run.  Still connecting.  Not watching.
  (should (equal (gptel-diagnose-context-tests--url-dns #'ignore 'failed nil) '(nil nil)))
  (should (equal (gptel-diagnose-context-tests--url-dns #'ignore 'connect t) '(nil nil)))
  (should (equal (gptel-diagnose-context-tests--url-dns nil 'failed t) '(nil nil))))

;;;; The curl replay, from any buffer

(ert-deftest gptel-diagnose-copy-curl-uses-the-requests-own-model-from-another-buffer ()
  (let* ((backend (gptel-make-gemini "Gemini" :key "AIza-not-a-real-key" :stream t
                    :models '(gemini-2.5-flash)))
         (request-buffer (generate-new-buffer " *gptel request*"))
         (fsm (gptel-diagnose-context-tests--fsm
               (list :backend backend :model 'gemini-2.5-flash :stream t
                     :buffer request-buffer
                     :data '(:contents [(:role "user" :parts [(:text "Hi")])])))))
    (with-current-buffer request-buffer (setq-local gptel-use-curl t))
    (unwind-protect
        (with-temp-buffer
          ;; The buffer we call from has no model and no curl: Gemini's URL
          ;; would say models/nil, and not stream.
          (let ((gptel-model nil) (gptel-stream nil) (gptel-backend nil)
                (gptel-use-curl nil))
            (let ((command (gptel-diagnose--gptel-curl fsm "GEMINI_API_KEY")))
              (should (string-search "/models/gemini-2.5-flash:streamGenerateContent"
                                     command))
              (should-not (string-search "models/nil" command))
              (should (string-search "\"$GEMINI_API_KEY\"" command))
              (should-not (string-search "AIza-not-a-real-key" command)))))
      (kill-buffer request-buffer))))

(ert-deftest gptel-diagnose-copy-curl-goes-through-gptel-proxy-without-its-credentials ()
  ;; gptel passes gptel-proxy to curl; a replay without it would not meet the failure a
  ;; proxy causes.  A password in the proxy's URL or --proxy-user's value stays home.
  (let* ((backend (gptel-make-openai "OpenAI" :key "sk-not-a-real-key-0123456789abcdef"
                    :models '(gpt-4o-mini)))
         (request-buffer (generate-new-buffer " *gptel request*"))
         (fsm (gptel-diagnose-context-tests--fsm
               (list :backend backend :model 'gpt-4o-mini :buffer request-buffer
                     :data '(:model "gpt-4o-mini" :messages [(:role "user" :content "Hi")])))))
    (unwind-protect
        (let ((gptel-proxy "http://alice:hunter22secret@proxy.example:3128")
              (gptel-curl-extra-args '("--proxy-user" "bob:s3cretpass" "-m" "30")))
          (let ((command (gptel-diagnose--gptel-curl fsm "OPENAI_API_KEY")))
            (should (string-search (concat "'--proxy' 'http://<redacted>@proxy.example:3128'"
                                           " '--proxy-negotiate' '--proxy-user' ':'")
                                   command))
            (should (string-search "'-m' '30'" command))
            (should-not (string-search "hunter22secret" command))
            (should-not (string-search "s3cretpass" command))
            (should-not (string-search "sk-not-a-real-key" command))))
      (kill-buffer request-buffer))))

(ert-deftest gptel-diagnose-copy-curl-says-which-variable-to-set ()
  (let* ((backend (gptel-make-gemini "Gemini" :key "AIza-not-a-real-key"
                    :models '(gemini-2.5-flash)))
         (request-buffer (generate-new-buffer " *gptel request*"))
         (fsm (gptel-diagnose-context-tests--fsm
               (list :backend backend :model 'gemini-2.5-flash :buffer request-buffer
                     :data '(:contents [(:role "user" :parts [(:text "Hi")])]))))
         (gptel-diagnose--last-failure
          (gptel-diagnose--make-failure :params '(:backend (:kind "gemini")) :fsm fsm
                                        :buffer request-buffer))
         (kill-ring nil)
         (shown nil))
    (unwind-protect
        (with-temp-buffer
          (let ((gptel-model nil))
            (cl-letf (((symbol-function 'message)
                       (lambda (fmt &rest args) (setq shown (apply #'format fmt args)))))
              (gptel-diagnose-copy-curl)))
          (should (string-search "GEMINI_API_KEY" shown))
          (should (string-search "/models/gemini-2.5-flash:generateContent" (car kill-ring))))
      (kill-buffer request-buffer))))

;;;; The response body gptel logged

(defmacro gptel-diagnose-context-tests--with-log (&rest body)
  "Run BODY with an empty *gptel-log*, killed afterwards."
  (declare (indent 0))
  `(let ((log (get-buffer gptel--log-buffer-name)))
     (when log (kill-buffer log))
     (unwind-protect (progn ,@body)
       (when (get-buffer gptel--log-buffer-name)
         (kill-buffer gptel--log-buffer-name)))))

(ert-deftest gptel-diagnose-sends-the-body-gptel-logged-when-it-read-no-error ()
  "A JSON body without an error field, as gptel logs it, goes to the server redacted."
  (gptel-diagnose-context-tests--with-log
    (gptel--log "{\"model\": \"gpt-4o-mini\"}" "request body")
    (let ((fsm (gptel-diagnose-context-tests--fsm
                (list :status "(HTTP/1.1 400 Bad Request) Could not parse HTTP response."
                      :http-status "400" :error "Could not parse HTTP response."))))
      (puthash fsm (gptel-diagnose--log-end) gptel-diagnose--log-marks)
      ;; Pretty-printed by gptel, header and all; the key is redacted.
      (gptel--log "{\"code\": \"content_filter\", \"key\": \"sk-proj-abcdefghijklmnopqrstuvwxyz0123\"}"
                  "response body")
      (let ((body (plist-get (plist-get (gptel-diagnose--params fsm) :error) :body)))
        (should (string-match-p "\"code\": \"content_filter\"" body))
        (should-not (string-search "abcdefghijklmnopqrstuvwxyz0123" body))
        (should-not (string-search "request body" body))))))

(ert-deftest gptel-diagnose-sends-no-body-it-cannot-tie-to-the-request ()
  "No log, a body from before the request, two bodies since it, or an error gptel read:
no body is sent."
  (gptel-diagnose-context-tests--with-log
    (let* ((info (list :status "(HTTP/1.1 400 Bad Request) Could not parse HTTP response."
                       :http-status "400" :error "Could not parse HTTP response."))
           (fsm (gptel-diagnose-context-tests--fsm info))
           (body (lambda () (plist-get (plist-get (gptel-diagnose--params fsm) :error)
                                       :body))))
      (puthash fsm (gptel-diagnose--log-end) gptel-diagnose--log-marks)
      (should-not (funcall body))
      (gptel--log "plain text, not JSON" "response body" t)
      (should (equal (funcall body) "plain text, not JSON"))
      ;; A second request's body since: neither is surely this one's.
      (gptel--log "{\"msg\": \"other\"}" "response body")
      (should-not (funcall body))
      ;; Sent after both: nothing of its own logged yet.
      (puthash fsm (gptel-diagnose--log-end) gptel-diagnose--log-marks)
      (should-not (funcall body))
      (gptel--log "{\"msg\": \"mine\"}" "response body")
      (should (string-search "mine" (funcall body)))
      ;; gptel read the provider's error itself: nothing to add.
      (setf (gptel-fsm-info fsm) (plist-put info :error '(:message "bad" :type "x")))
      (should-not (funcall body)))))

(ert-deftest gptel-diagnose-reads-the-log-under-gptels-own-name ()
  "The log is found by gptel's `gptel--log-buffer-name', not a copy of it."
  (let ((gptel--log-buffer-name " *gptel-diagnose-test-log*"))
    (gptel-diagnose-context-tests--with-log
      (let ((fsm (gptel-diagnose-context-tests--fsm
                  (list :status "(HTTP/1.1 400 Bad Request) Could not parse HTTP response."
                        :http-status "400" :error "Could not parse HTTP response."))))
        (puthash fsm (gptel-diagnose--log-end) gptel-diagnose--log-marks)
        (gptel--log "{\"msg\": \"renamed\"}" "response body")
        (should (get-buffer " *gptel-diagnose-test-log*"))
        (should (string-search "renamed"
                               (plist-get (plist-get (gptel-diagnose--params fsm) :error)
                                          :body)))))))

;; What curl leaves in gptel's process buffer: headers, body, then gptel's trailer
;; "(UUID . HEADER-SIZE)" that its -w option writes.
(defconst gptel-diagnose-context-tests--headers
  "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n")

(defun gptel-diagnose-context-tests--insert-curl-output (body marker)
  "Insert what curl leaves: the headers, BODY, then gptel's trailer with MARKER."
  (insert gptel-diagnose-context-tests--headers body
          (format "(%s . %d)" marker (length gptel-diagnose-context-tests--headers))))

(defmacro gptel-diagnose-context-tests--with-response-buffer (spec &rest body)
  "Run BODY with a response buffer gptel holds for a request, then clean up.
SPEC is (BUFFER FSM [PROCESS]): BUFFER and PROCESS are bound to a new
buffer and a pipe process on it, which `gptel--request-alist' (bound
afresh) registers for FSM, as gptel does for its curl process."
  (declare (indent 1))
  (let ((buffer (nth 0 spec)) (fsm (nth 1 spec))
        (process (or (nth 2 spec) (make-symbol "process"))))
    `(let* ((,buffer (generate-new-buffer " *gptel-diagnose-response-test*"))
            (,process (make-pipe-process :name "gptel-diagnose-response-test"
                                         :buffer ,buffer :noquery t))
            (gptel--request-alist (list (cons ,process (cons ,fsm #'ignore)))))
       (unwind-protect (progn ,@body)
         (when (process-live-p ,process) (delete-process ,process))
         (when (buffer-live-p ,buffer) (kill-buffer ,buffer))))))

(ert-deftest gptel-diagnose-reads-the-body-of-an-older-gptels-curl-buffer ()
  "gptel before 0.9.9.5 names curl's trailer :token, not :uuid."
  (let* ((token "5f0c7d2a9e41b3c8d6a7f0e1b2c3d4e5")
         (body "{\"code\": \"content_filter\", \"status\": 400}")
         (fsm (gptel-diagnose-context-tests--fsm
               (list :status "(HTTP/1.1 400 Bad Request) Could not parse HTTP response."
                     :http-status "400" :error "Could not parse HTTP response."
                     :token token))))
    (gptel-diagnose-context-tests--with-response-buffer (buffer fsm)
      (with-current-buffer buffer
        (gptel-diagnose-context-tests--insert-curl-output body token))
      (should (equal (plist-get (plist-get (gptel-diagnose--params fsm) :error) :body)
                     body)))))

(ert-deftest gptel-diagnose-sends-the-body-gptel-received ()
  "With no log, the body comes from gptel's own response buffer (curl's or url.el's):
only this request's, only while gptel holds it, never one gptel read an error from."
  (let* ((uuid "0b6f3c1e-test")
         (body "{\"code\": \"content_filter\", \"status\": 400}")
         (info (list :status "(HTTP/1.1 400 Bad Request) Could not parse HTTP response."
                     :http-status "400" :error "Could not parse HTTP response." :uuid uuid))
         (fsm (gptel-diagnose-context-tests--fsm info))
         (other (gptel-diagnose-context-tests--fsm (copy-sequence info)))
         (sent (lambda () (plist-get (plist-get (gptel-diagnose--params fsm) :error) :body))))
    ;; Another request's buffer is not this one's.
    (gptel-diagnose-context-tests--with-response-buffer (buffer other process)
      (with-current-buffer buffer
        (gptel-diagnose-context-tests--insert-curl-output body uuid))
      (should-not (funcall sent))
      (setf (alist-get process gptel--request-alist) (cons fsm #'ignore))
      (should (equal (funcall sent) body))
      (should-not (plist-get (plist-get (gptel-diagnose--params fsm) :error) :body_empty))
      ;; Headers only: said so, and no body sent.
      (with-current-buffer buffer
        (erase-buffer)
        (gptel-diagnose-context-tests--insert-curl-output "\n" uuid))
      (let ((error-params (plist-get (gptel-diagnose--params fsm) :error)))
        (should (eq (plist-get error-params :body_empty) t))
        (should-not (plist-get error-params :body)))
      (with-current-buffer buffer
        (erase-buffer)
        (gptel-diagnose-context-tests--insert-curl-output body uuid))
      ;; gptel read the provider's error itself: nothing to add.
      (setf (gptel-fsm-info fsm) (plist-put info :error '(:message "bad" :type "x")))
      (should-not (funcall sent))
      (setf (gptel-fsm-info fsm) (plist-put info :error "Could not parse HTTP response."))
      ;; url.el's buffer: the body follows `url-http-end-of-headers'.
      (setq gptel--request-alist nil)
      (let ((url-buffer (generate-new-buffer " *gptel-diagnose-url-test*")))
        (unwind-protect
            (progn
              (with-current-buffer url-buffer
                (insert gptel-diagnose-context-tests--headers)
                (setq-local url-http-end-of-headers (point-marker))
                (insert body "\n"))
              (setf (alist-get url-buffer gptel--request-alist) (cons fsm #'ignore))
              (should (equal (funcall sent) body)))
          (kill-buffer url-buffer)))
      ;; Gone with its buffer.
      (setf (alist-get process gptel--request-alist) (cons fsm #'ignore))
      (delete-process process)
      (kill-buffer buffer)
      (should-not (funcall sent)))))

;; Two chunks as OpenAI streams them, the second cut short and run into a third.
(defconst gptel-diagnose-context-tests--chunk
  "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}\n\n"
  "A whole stream chunk.")

(ert-deftest gptel-diagnose-finds-the-stream-chunk-gptel-stopped-at ()
  "A streamed 200 whose reading stopped at a chunk that does not parse is reported,
with that chunk; a stream read to its end is not, nor one gptel did not stream."
  (let* ((uuid "5d2c9a10-test")
         (info (list :status "HTTP/1.1 200 OK" :http-status "200" :stream t :uuid uuid))
         (fsm (gptel-make-fsm :info info))
         (broken (concat "data: {\"choices\":[{\"index\":0,\"delta\":{\"rodata: "
                         "{\"choices\":[]}"))
         (fill (lambda (buffer stream read)
                 ;; The buffer as gptel leaves it: point where its reader stopped.
                 (with-current-buffer buffer
                   (erase-buffer)
                   (gptel-diagnose-context-tests--insert-curl-output stream uuid)
                   (goto-char (+ (length gptel-diagnose-context-tests--headers)
                                 (length read) 1))))))
    (setf (gptel-fsm-state fsm) 'DONE)
    (gptel-diagnose-context-tests--with-response-buffer (buffer fsm)
      ;; Read to its end: point after the last "data:", before " [DONE]".
      (funcall fill buffer
               (concat gptel-diagnose-context-tests--chunk "data: [DONE]\n\n")
               (concat gptel-diagnose-context-tests--chunk "data:"))
      (should-not (gptel-diagnose--unread-chunk fsm))
      ;; Stopped at the broken chunk, which gptel waits to see completed.
      (funcall fill buffer (concat gptel-diagnose-context-tests--chunk broken "\n\n"
                                   "data: [DONE]\n\n")
               gptel-diagnose-context-tests--chunk)
      (should (equal (gptel-diagnose--unread-chunk fsm) broken))
      (let ((error-params (plist-get (gptel-diagnose--params fsm) :error)))
        (should (equal (plist-get error-params :status) "Stream stalled"))
        (should (equal (plist-get error-params :body) broken)))
      ;; Not streamed, or not a 200: not this.
      (setf (gptel-fsm-info fsm) (plist-put (copy-sequence info) :stream nil))
      (should-not (gptel-diagnose--unread-chunk fsm))
      (setf (gptel-fsm-info fsm) (plist-put (copy-sequence info) :http-status "429"))
      (should-not (gptel-diagnose--unread-chunk fsm)))))

(ert-deftest gptel-diagnose-finds-the-error-event-of-a-stream ()
  "A streamed 200 whose stream carried an error object is reported with it; words about
an error in the answer's own text are not one."
  (let* ((uuid "7e1f0b22-test")
         (info (list :status "HTTP/1.1 200 OK" :http-status "200" :stream t :uuid uuid))
         (fsm (gptel-make-fsm :info info))
         (fill (lambda (buffer stream)
                 (with-current-buffer buffer
                   (erase-buffer)
                   (gptel-diagnose-context-tests--insert-curl-output stream uuid)))))
    (setf (gptel-fsm-state fsm) 'DONE)
    (gptel-diagnose-context-tests--with-response-buffer (buffer fsm)
      (funcall fill buffer (concat "data: {\"choices\":[{\"delta\":{\"content\":"
                                   "\"an \\\"error\\\" in words\"}}]}\n\ndata: [DONE]\n\n"))
      (should-not (gptel-diagnose--stream-error fsm))
      (funcall fill buffer (concat "event: error\ndata: {\"type\":\"error\",\"error\":"
                                   "{\"type\":\"overloaded_error\",\"message\":"
                                   "\"Overloaded\"}}\n\n"))
      (should (equal (gptel-diagnose--stream-error fsm)
                     '(:type "error" :error (:type "overloaded_error"
                                                   :message "Overloaded"))))
      (let ((error-params (plist-get (gptel-diagnose--params fsm) :error)))
        (should (equal (plist-get error-params :status) "Stream error"))
        (should-not (plist-get error-params :http_status)))
      ;; The Responses API's: an error event, and a failed response.
      (funcall fill buffer (concat "event: error\ndata: {\"type\":\"error\",\"code\":"
                                   "\"server_error\",\"message\":\"Something went wrong\"}\n\n"))
      (should (equal (plist-get (gptel-diagnose--stream-error fsm) :code) "server_error"))
      (funcall fill buffer (concat "event: response.failed\ndata: {\"type\":\"response.failed\","
                                   "\"response\":{\"status\":\"failed\",\"error\":{\"code\":"
                                   "\"rate_limit_exceeded\",\"message\":\"Slow down\"}}}\n\n"))
      (should (equal (gptel-diagnose--stream-error fsm)
                     '(:code "rate_limit_exceeded" :message "Slow down")))
      ;; Ollama's lines of JSON.
      (funcall fill buffer (concat "{\"message\":{\"content\":\"Hi\"},\"done\":false}\n"
                                   "{\"error\":\"an error was encountered while running "
                                   "the model: unexpected EOF\"}\n"))
      (should (equal (plist-get (gptel-diagnose--stream-error fsm) :error)
                     "an error was encountered while running the model: unexpected EOF")))))

;; Reading the stream again for the params cost a second pass over a long answer's buffer.
(ert-deftest gptel-diagnose-a-finished-stream-is-read-once ()
  "A streamed 200 that ended done is searched once for what gptel left unreported."
  (let* ((uuid "7e1f0b23-test")
         (info (list :status "HTTP/1.1 200 OK" :http-status "200" :stream t :uuid uuid))
         (fsm (gptel-make-fsm :info info :table '((WAIT (t . DONE)))))
         (gptel-diagnose--reported (make-hash-table :test 'eq))
         (reads 0)
         (count (lambda (&rest _) (setq reads (1+ reads))))
         reported
         (gptel-diagnose--gptel-handler (lambda (report) (push report reported))))
    (setf (gptel-fsm-state fsm) 'DONE)
    (gptel-diagnose-context-tests--with-response-buffer (buffer fsm)
      (with-current-buffer buffer
        (let ((stream (concat "event: error\ndata: {\"type\":\"error\",\"error\":"
                              "{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n")))
          (gptel-diagnose-context-tests--insert-curl-output stream uuid)))
      (advice-add 'gptel-diagnose--in-stream-buffer :before count)
      (unwind-protect
          (progn
            (gptel-diagnose--after-transition fsm)
            (should (= (length reported) 1))
            (should (equal (plist-get (plist-get (plist-get (car reported) :params) :error)
                                      :status)
                           "Stream error"))
            ;; The error event is found on the first search; nothing reads the buffer again.
            (should (= reads 1)))
        (advice-remove 'gptel-diagnose--in-stream-buffer count)))))

(ert-deftest gptel-diagnose-details-say-whose-status-it-is ()
  "A status the companion gave (gptel ended the request as done) is not shown as gptel's."
  (let ((ours (gptel-diagnose--raw-error
               '(:error (:status "Stream stalled" :http_status "200" :body "data: {"))))
        (gptels (gptel-diagnose--raw-error
                 '(:error (:status "HTTP/1.1 429" :http_status "429" :error "x")))))
    (should (string-match-p "Stream stalled (found by gptel-diagnose; gptel reported no error)"
                            ours))
    (should (string-match-p "^status: HTTP/1.1 429$" gptels))))

(ert-deftest gptel-diagnose-details-show-a-page-without-carriage-returns ()
  "A page sent with CRLF line ends reads as lines, without a \"^M\" at each end."
  (let ((shown (gptel-diagnose--raw-error
                '(:error (:status "HTTP/1.1 400 Bad Request" :http_status "400"
                          :error "Malformed JSON in response"
                          :body "<html>\r\n<head><title>400</title></head>\r\n</html>\r\n")))))
    (should-not (string-search "\r" shown))
    (should (string-search "response body: <html>\n<head><title>400</title></head>\n</html>"
                           shown))))

(ert-deftest gptel-diagnose-resend-takes-out-only-the-reply-that-broke-off ()
  "The first words of a reply that broke off are its region while they are all gptel's
response text; once the user typed into them, they are left alone."
  (with-temp-buffer
    (insert "### Explain.\n\n")
    (let* ((start (point-marker))
           (fsm (gptel-make-fsm :info (list :position start))))
      (insert (propertize "Hello, this answer" 'gptel 'response))
      (plist-put (gptel-fsm-info fsm) :tracking-marker (point-marker))
      (should (equal (gptel-diagnose--partial-reply fsm (current-buffer))
                     (cons (marker-position start) (point))))
      (goto-char (+ start 3))
      (insert "my words")
      (should-not (gptel-diagnose--partial-reply fsm (current-buffer)))
      ;; Nothing inserted: no region.
      (should-not (gptel-diagnose--partial-reply
                   (gptel-make-fsm :info (list :position start)) (current-buffer))))))

(ert-deftest gptel-diagnose-resend-takes-out-the-prompt-gptel-opened-after-the-reply ()
  "In a chat buffer, the empty prompt gptel opened after a reply that broke off goes
with it, so the new answer is followed by one prompt; a prompt the user began stays."
  (with-temp-buffer
    (setq-local gptel-mode t)
    (insert "### Explain.\n\n")
    (let ((end (progn (insert "Hello, this answer") (point)))
          (opened (concat gptel-response-separator (gptel-prompt-prefix-string))))
      (insert opened)
      (should (equal (gptel-diagnose--next-prompt end) (cons end (point-max))))
      (insert "And then?")
      (should-not (gptel-diagnose--next-prompt end))
      (setq-local gptel-mode nil)
      (delete-region (- (point-max) 9) (point-max))
      (should-not (gptel-diagnose--next-prompt end)))))

(ert-deftest gptel-diagnose-resend-takes-out-the-separator-before-the-reply ()
  "What gptel put before a reply (its separator) goes with the reply; text of the
user's that merely ends the prompt does not."
  (with-temp-buffer
    (insert "Explain." gptel-response-separator)
    (let ((start (point)))
      (should (equal (gptel-diagnose--reply-lead start) (cons 9 start)))
      (should-not (gptel-diagnose--reply-lead 3)))))

(provide 'gptel-diagnose-context-tests)
;;; gptel-diagnose-context-tests.el ends here

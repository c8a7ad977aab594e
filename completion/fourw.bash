# bash completion for fourw (installed by `make install` into
# $(PREFIX)/share/bash-completion/completions/fourw; to try it unbuilt:
# `source completion/fourw.bash`).
#
# --region and --type values come from `fourw report --complete region|type`,
# the program itself reading the config.ini it would use (-c on the line,
# $FOURW_CONFIG, ./config.ini, $XDG_CONFIG_HOME/fourw/config.ini, the
# installed copy): the names offered are exactly those --region accepts,
# without a second reader of config.ini or of its lookup order here.
# Self-contained: it needs none of bash-completion's helpers.

_fourw_commands="check report gaps help"
_fourw_global="-c --config --lang --help --version"
_fourw_screen="--theme --no-color --ascii --present --compare --help-keys --max-keys"
_fourw_check="-c --config -v --verbose --all --by-partner --help"
_fourw_report="-c --config --format --region --type --partner --status --from --to --by --compare --help"

# $1 with the characters the shell would read as syntax backslashed;
# letters outside ASCII stay as they are, whatever the locale (printf %q
# would turn "Ségou" into $'S\303\251gou' in the C locale).
_fourw_quote()
{
	local i w=${1//\\/\\\\} c specials=" '\"()&;|<>\$\`!*?[]{}#~="
	for ((i = 0; i < ${#specials}; i++)); do
		c=${specials:i:1}
		w=${w//"$c"/\\$c}
	done
	printf '%s' "$w"
}

# Sets COMPREPLY to the words of $1 that start with $2, one a line in $1.
_fourw_lines()
{
	local IFS=$'\n' w
	COMPREPLY=()
	for w in $1; do
		[[ $w == "$2"* ]] && COMPREPLY+=("$(_fourw_quote "$w")")
	done
}

_fourw_files()
{
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -f -- "$1"))
}

_fourw_dirs()
{
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -d -- "$1"))
}

# The value of option $1 (the word before cur, or before "=" in --opt=cur);
# prints nothing and fails when the word is not an option's value.
_fourw_value()
{
	local opt=$1 cur=$2 config=$3 cmd=$4
	case $opt in
	-c|--config|--compare) _fourw_files "$cur" ;;
	--by-partner) _fourw_dirs "$cur" ;;
	--format) COMPREPLY=($(compgen -W "text md csv" -- "$cur")) ;;
	--by) COMPREPLY=($(compgen -W "plan-region written-region" -- "$cur")) ;;
	--status) COMPREPLY=($(compgen -W "planned ongoing completed suspended" -- "$cur")) ;;
	--theme) COMPREPLY=($(compgen -W "dark light mono" -- "$cur")) ;;
	--lang) COMPREPLY=($(compgen -W "fr en" -- "$cur")) ;;
	--region|--type)
		_fourw_lines "$("$cmd" ${config:+-c "$config"} report --complete "${opt#--}" 2>/dev/null)" "$cur" ;;
	--partner|--from|--to|--max-keys) COMPREPLY=() ;;
	*) return 1 ;;
	esac
	return 0
}

_fourw()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local cmd=${COMP_WORDS[0]} command="" config="" i w
	# "--region=Mo": bash splits at "=", so the option is two words back.
	if [[ $cur == "=" ]]; then
		prev=${COMP_WORDS[COMP_CWORD-1]} cur=""
	elif [[ $prev == "=" ]]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	fi
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-c|--config)
			[[ ${COMP_WORDS[i+1]} == "=" ]] && ((i++))
			((i + 1 < COMP_CWORD)) && config=${COMP_WORDS[i+1]}
			((i++)) ;;
		--lang|--theme|--max-keys|--compare|--by-partner|--format|--region|--type|--partner|--status|--from|--to|--by) ((i++)) ;;
		-*) ;;
		*) [[ -z $command && " $_fourw_commands " == *" $w "* ]] && command=$w
		   [[ -z $command ]] && command=screen ;;
		esac
	done
	# A leading ~ as the shell will read it; nothing typed is ever evaluated.
	[[ $config == "~/"* ]] && config=$HOME/${config#"~/"}

	_fourw_value "$prev" "$cur" "$config" "$cmd" && return 0
	case $command in
	help) COMPREPLY=($(compgen -W "check report gaps" -- "$cur")) ;;
	check)  [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$_fourw_check" -- "$cur")) || _fourw_files "$cur" ;;
	report|gaps) [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$_fourw_report" -- "$cur")) || _fourw_files "$cur" ;;
	screen) [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$_fourw_global $_fourw_screen" -- "$cur")) || _fourw_files "$cur" ;;
	*)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$_fourw_global $_fourw_screen" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$_fourw_commands" -- "$cur"))
			local IFS=$'\n'
			COMPREPLY+=($(compgen -f -- "$cur"))
		fi ;;
	esac
	return 0
}
complete -F _fourw fourw
